package races;

import java.util.concurrent.locks.ReentrantLock;

// Known-wrong: a new lock for every call. Each thread locks its own lock, so nobody waits.
public class LockCounter {

    private long count;

    public void increment() {
        ReentrantLock lock = new ReentrantLock();
        lock.lock();
        try {
            count++;
        } finally {
            lock.unlock();
        }
    }

    public long get() {
        return count;
    }
}
