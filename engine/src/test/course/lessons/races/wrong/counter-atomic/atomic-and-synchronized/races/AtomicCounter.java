package races;

import java.util.concurrent.atomic.AtomicLong;

// Known-wrong for this exercise: exact, but the synchronized methods take a lock the atomic
// makes unnecessary; this exercise is about counting without any lock.
public class AtomicCounter {

    private final AtomicLong count = new AtomicLong();

    public synchronized void increment() {
        count.incrementAndGet();
    }

    public synchronized long get() {
        return count.get();
    }
}
