package coordination;

// Wrong: await() waits on the Condition before it takes the lock

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Exercise event -- one signal that every waiting thread sees.
 *
 * An Event starts unset. Threads call await() to wait until some thread calls set(). Once set,
 * it stays set: every thread that was waiting wakes up, and every thread that calls await()
 * later returns at once. await(timeout, unit) gives up after the timeout and says whether the
 * event was set. Right now nothing waits: await() returns at once and set() changes nothing.
 *
 * What to do: keep the state in the field `set`, read and written only with `lock` held. await()
 * waits on `changed` in a while loop until `set` is true; set() makes it true and wakes every
 * waiter (signalAll, not signal: signal wakes one). The timed await uses changed.awaitNanos().
 *
 * Edit the four methods only.
 *
 *   ./run.sh check event     grade it
 *   ./run.sh hint event      one hint at a time
 */
public final class Event {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean set; // guarded by lock

    /** Sets the event and wakes every thread waiting for it. Setting it again changes nothing. */
    public void set() {
        lock.lock();
        try {
            set = true;
            changed.signalAll(); // all of them: every waiter waits for the same thing
        } finally {
            lock.unlock();
        }
    }

    /** Whether the event has been set. */
    public boolean isSet() {
        lock.lock();
        try {
            return set;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the event is set; returns at once if it already is. */
    public void await() throws InterruptedException {
        while (!set) {
            changed.await();
        }
    }

    /** Waits until the event is set or the timeout passes; returns whether it was set. */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (!set) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos); // what is left of the timeout
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
