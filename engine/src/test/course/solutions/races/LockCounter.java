package races;

import java.util.concurrent.locks.ReentrantLock;

/*
 * Reference solution for counter-lock.
 *
 * lock() and unlock() bracket the critical section; unlock() sits in a finally block so that an
 * exception between them can never leave the lock held forever. Reading under the same lock
 * makes get() see the latest count.
 */
public class LockCounter {

    private final ReentrantLock lock = new ReentrantLock();
    private long count;

    public void increment() {
        lock.lock();
        try {
            count++;
        } finally {
            lock.unlock();
        }
    }

    public long get() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }
}
