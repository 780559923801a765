package races;

import java.util.concurrent.atomic.AtomicLong;

/*
 * Reference solution for counter-atomic.
 *
 * incrementAndGet() is a single atomic read-modify-write: the processor's compare-and-set
 * retries until no other thread changed the value in between, so no update is lost and no
 * thread ever waits for a lock. (A LongAdder would also pass, and scales better when many
 * threads add at the same time: each thread mostly adds to its own cell.)
 */
public class AtomicCounter {

    private final AtomicLong count = new AtomicLong();

    public void increment() {
        count.incrementAndGet();
    }

    public long get() {
        return count.get();
    }
}
