package races;

import java.util.concurrent.locks.ReentrantLock;

// Known-wrong: the value is read before the lock is taken, so the write under the lock can
// overwrite another thread's increment.
public class LockCounter {

    private final ReentrantLock lock = new ReentrantLock();
    private long count;

    public void increment() {
        long seen = count;
        lock.lock();
        try {
            count = seen + 1;
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
