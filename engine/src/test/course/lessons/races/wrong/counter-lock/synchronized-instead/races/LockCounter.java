package races;

import java.util.concurrent.locks.ReentrantLock;

// Known-wrong for this exercise: exact, but with synchronized; the ReentrantLock is left unused.
public class LockCounter {

    private final ReentrantLock lock = new ReentrantLock();
    private long count;

    public synchronized void increment() {
        count++;
    }

    public synchronized long get() {
        return count;
    }
}
