package races;

import java.util.concurrent.atomic.AtomicLong;

// Known-wrong: compareAndSet is tried once and its failure ignored. When another thread got
// there first the CAS fails, and this increment is silently dropped.
public class AtomicCounter {

    private final AtomicLong count = new AtomicLong();

    public void increment() {
        long seen = count.get();
        count.compareAndSet(seen, seen + 1);
    }

    public long get() {
        return count.get();
    }
}
