package races;

import java.util.concurrent.atomic.AtomicLong;

// Known-wrong for this exercise: exact, but with an atomic, which is the next exercise's tool.
public class SynchronizedCounter {

    private final AtomicLong count = new AtomicLong();

    public void increment() {
        count.incrementAndGet();
    }

    public long get() {
        return count.get();
    }
}
