package locks.checks;

import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;

/**
 * What the checks see of a bank while it works, through the audit the bank calls: each lock
 * taken, each balance about to change. A transfer is "in progress" from its first balance
 * change to its second. The watch can also steer the schedule:
 * <ul>
 * <li>{@link #widen()}: pause a moment after every lock taken, so that a thread holding one
 * account's lock is overtaken by the others before it asks for the second, even on one core.
 * That is the window in which locks taken in opposite orders deadlock;</li>
 * <li>{@link #holdFirst()}: keep the first transfer that starts moving money inside its locks
 * until {@link #release()}, so the checks can see what the others do meanwhile.</li>
 * </ul>
 * Waiting uses parking only, never a monitor or a lock of its own, so that any lock a thread
 * is seen waiting for belongs to the student's code.
 */
final class Watch {

    /** How long a held transfer waits for {@link #release()} at most, so nothing can hang. */
    private static final long HOLD_LIMIT_NANOS = 10_000_000_000L;

    private volatile boolean widen;
    private volatile boolean holdFirst;
    private volatile boolean gather;
    private volatile boolean released;
    private final AtomicReference<Thread> held = new AtomicReference<>();
    private final AtomicInteger inProgress = new AtomicInteger();
    private final LongAdder taken = new LongAdder();
    private final AtomicInteger peak = new AtomicInteger();
    private final Set<Thread> moving = ConcurrentHashMap.newKeySet();
    private final Set<Thread> askedWhileHeld = ConcurrentHashMap.newKeySet();
    private final Queue<String> unguarded = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<int[]> transfer = ThreadLocal.withInitial(() -> new int[] {0, -1});
    private volatile IntPredicate heldByCurrentThread = id -> true;

    Watch widen() {
        widen = true;
        return this;
    }

    /**
     * Keep each transfer that starts moving money inside its locks until two are moving at once,
     * or until {@link #release()}: transfers that can run together then do meet.
     */
    Watch gather() {
        gather = true;
        return this;
    }

    Watch holdFirst() {
        holdFirst = true;
        return this;
    }

    /** Tells the watch how to ask whether the calling thread holds an account's lock. */
    void lockedBy(IntPredicate heldByCurrentThread) {
        this.heldByCurrentThread = heldByCurrentThread;
    }

    /** The bank is about to ask for an account's lock on the calling thread. */
    void asking(int account) {
        Thread holder = held.get();
        if (holder != null && holder != Thread.currentThread() && !released) {
            askedWhileHeld.add(Thread.currentThread());
        }
    }

    /** The bank took an account's lock on the calling thread. */
    void locked(int account) {
        taken.increment();
        if (widen) {
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(50_000, 300_000));
        }
    }

    /** How many times an account's lock was taken so far: threads that back off and retry take locks again. */
    long taken() {
        return taken.sum();
    }

    /** The bank is about to change an account's balance, on the calling thread. */
    void moving(int account, long delta) {
        if (!heldByCurrentThread.test(account)) {
            unguarded.add((delta < 0 ? "withdrew " + -delta + " from" : "deposited " + delta + " into")
                    + " account " + account + " without holding its lock");
        }
        int[] state = transfer.get();
        if (state[0] == 0) {
            state[0] = 1;
            state[1] = account;
            moving.add(Thread.currentThread());
            peak.accumulateAndGet(inProgress.incrementAndGet(), Math::max);
            long deadline = System.nanoTime() + HOLD_LIMIT_NANOS;
            if (holdFirst && held.compareAndSet(null, Thread.currentThread())) {
                while (!released && System.nanoTime() - deadline < 0) {
                    LockSupport.parkNanos(1_000_000);
                }
            } else if (gather) {
                while (!released && peak.get() < 2 && System.nanoTime() - deadline < 0) {
                    LockSupport.parkNanos(1_000_000);
                }
            }
        } else {
            if (!heldByCurrentThread.test(state[1])) {
                unguarded.add("moved money into or out of account " + account + " after letting go of the lock of "
                        + "account " + state[1] + ", the other side of the same transfer");
            }
            state[0] = 0;
            moving.remove(Thread.currentThread());
            inProgress.decrementAndGet();
        }
    }

    void release() {
        released = true;
    }

    /** The thread kept inside its transfer by {@link #holdFirst()}, or null while none is. */
    Thread held() {
        return held.get();
    }

    /** Threads between the first and the second balance change of a transfer right now. */
    Set<Thread> moving() {
        return Set.copyOf(moving);
    }

    /** Threads that asked for an account's lock while the held transfer was kept inside its locks. */
    Set<Thread> askedWhileHeld() {
        return Set.copyOf(askedWhileHeld);
    }

    /** The most transfers that were moving money at the same time. */
    int peak() {
        return peak.get();
    }

    /** Balance changes made without the locks they needed, in words, first ones first. */
    List<String> unguarded() {
        return List.copyOf(unguarded);
    }
}
