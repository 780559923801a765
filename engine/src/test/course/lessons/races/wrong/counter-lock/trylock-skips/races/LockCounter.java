package races;

import java.util.concurrent.locks.ReentrantLock;

// Known-wrong: tryLock() without a fallback. When another thread holds the lock, the increment
// is skipped instead of waited for.
public class LockCounter {

    private final ReentrantLock lock = new ReentrantLock();
    private long count;

    public void increment() {
        if (lock.tryLock()) {
            try {
                count++;
            } finally {
                lock.unlock();
            }
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
