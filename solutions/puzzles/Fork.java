package puzzles;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Exercise dining, part 2 of 2 -- the forks. Given: nothing to change in this file.
 *
 * A fork is a lock: pick it up with lock(), lockInterruptibly() or tryLock(...), put it down
 * with unlock(). (synchronized (fork) { ... } works too.) Each fork has a number, and prints as
 * "fork 3", so that a deadlock report names the forks. The checks plug in a Watch to see each
 * fork picked up, and to make picking up slow, the way a real program might log there.
 */
public final class Fork extends ReentrantLock {

    private static final long serialVersionUID = 1L;

    /** Sees each fork as it is picked up. */
    public interface Watch {
        Watch NONE = fork -> {
        };

        /** Called by the thread that has just picked up {@code fork}. */
        void pickedUp(Fork fork);
    }

    private final int number;
    private final transient Watch watch;

    public Fork(int number) {
        this(number, Watch.NONE);
    }

    public Fork(int number, Watch watch) {
        this.number = number;
        this.watch = watch;
    }

    public int number() {
        return number;
    }

    /** Whether {@code thread} holds this fork right now. */
    public boolean isHeldBy(Thread thread) {
        return getOwner() == thread;
    }

    @Override
    public void lock() {
        super.lock();
        watch.pickedUp(this);
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        super.lockInterruptibly();
        watch.pickedUp(this);
    }

    @Override
    public boolean tryLock() {
        boolean taken = super.tryLock();
        if (taken) {
            watch.pickedUp(this);
        }
        return taken;
    }

    @Override
    public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        boolean taken = super.tryLock(timeout, unit);
        if (taken) {
            watch.pickedUp(this);
        }
        return taken;
    }

    @Override
    public String toString() {
        return "fork " + number;
    }
}
