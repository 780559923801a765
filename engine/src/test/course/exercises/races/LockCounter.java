package races;

import java.util.concurrent.locks.ReentrantLock;

/*
 * Exercise counter-lock -- make this counter exact with an explicit ReentrantLock.
 *
 * Same checks again: ten threads, 100,000 increments each, at once; get() must then return
 * exactly 1,000,000.
 *
 * What to do: guard the read-modify-write in increment(), and the read in get(), with the
 * `lock` field below: lock() before, unlock() after -- and make sure unlock() runs even if
 * the code in between throws. Do not use `synchronized` or atomics here.
 *
 * Edit the two method bodies. Keep the class name, the field and the method signatures.
 *
 *   ./run.sh check counter-lock     grade it
 *   ./run.sh hint counter-lock      one hint at a time
 */
public class LockCounter {

    private final ReentrantLock lock = new ReentrantLock();
    private long count;

    public void increment() {
        count++;
    }

    public long get() {
        return count;
    }
}
