package coordination;

// Wrong: with synchronized and wait(), set() calls notify(), which wakes one waiter of many

import java.util.concurrent.TimeUnit;

public final class Event {

    private boolean set; // guarded by this

    public synchronized void set() {
        set = true;
        notify();
    }

    public synchronized boolean isSet() {
        return set;
    }

    public synchronized void await() throws InterruptedException {
        while (!set) {
            wait();
        }
    }

    public synchronized boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!set) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
