package coordination;

// Wrong: a spin loop on a plain boolean, neither volatile nor locked: the waiters may never see it change

import java.util.concurrent.TimeUnit;

public final class Event {

    private boolean set;

    public void set() {
        set = true;
    }

    public boolean isSet() {
        return set;
    }

    public void await() throws InterruptedException {
        while (!set) {
            Thread.onSpinWait();
        }
    }

    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!set) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }
}
