package races;

import java.util.concurrent.atomic.AtomicLong;

// Known-wrong: get() and set() are each atomic, but not the pair: two threads can get the same
// value and both set it plus one.
public class AtomicCounter {

    private final AtomicLong count = new AtomicLong();

    public void increment() {
        count.set(count.get() + 1);
    }

    public long get() {
        return count.get();
    }
}
