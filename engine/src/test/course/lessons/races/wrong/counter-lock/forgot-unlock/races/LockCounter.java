package races;

import java.util.concurrent.locks.ReentrantLock;

// Known-wrong: lock() without unlock(). The first thread keeps the lock (it is reentrant, so it
// can take it again) and ends still holding it; every other thread waits forever.
public class LockCounter {

    private final ReentrantLock lock = new ReentrantLock();
    private long count;

    public void increment() {
        lock.lock();
        count++;
    }

    public long get() {
        return count;
    }
}
