package org.threadlings.diagnosis;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Real deadlocks for tests: n threads, thread i holding lock i and then asking for lock i + 1,
 * so they close a cycle. Each test creates its own locks, so no two tests share a cycle.
 * Threads are daemon (virtual threads always are): a monitor deadlock cannot be broken, and it
 * must not keep the JVM alive. ReentrantLock deadlocks use lockInterruptibly so they can be.
 */
public final class DeadlockFixtures {

    /** A lock class whose name reads well in a report. */
    public static final class Fork {
    }

    public static final class Knife {
    }

    /** Which kind of thread runs thread i of a cycle. */
    public static final IntFunction<Thread.Builder> PLATFORM = i -> Thread.ofPlatform().daemon();
    public static final IntFunction<Thread.Builder> VIRTUAL = i -> Thread.ofVirtual();
    /** Even-numbered threads on platform threads, odd ones virtual. */
    public static final IntFunction<Thread.Builder> MIXED = i -> i % 2 == 0 ? PLATFORM.apply(i) : VIRTUAL.apply(i);

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private DeadlockFixtures() {
    }

    /** Threads stuck in a cycle, and the source line at which each one waits. */
    public record Stuck(List<Thread> threads, List<Object> locks, AtomicIntegerArray lines) {

        public String name(int i) {
            return threads.get(i).getName();
        }

        public int line(int i) {
            return lines.get(i);
        }

        public Set<Long> ids() {
            return threads.stream().map(Thread::threadId).collect(Collectors.toSet());
        }

        /** Ends the threads of a ReentrantLock deadlock; monitor deadlocks stay as they are. */
        public void release() throws InterruptedException {
            threads.forEach(Thread::interrupt);
            if (locks.get(0) instanceof ReentrantLock) {
                for (Thread t : threads) {
                    t.join(PATIENCE.toMillis());
                }
            }
        }
    }

    /** A cycle over monitors: thread i synchronizes on locks[i], then on locks[i + 1]. */
    public static Stuck monitors(IntFunction<Thread.Builder> kind, String prefix, Object... locks) {
        int n = locks.length;
        CyclicBarrier allHoldOne = new CyclicBarrier(n);
        AtomicIntegerArray lines = new AtomicIntegerArray(n);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            Object first = locks[i];
            Object second = locks[(i + 1) % n];
            threads.add(kind.apply(i).name(prefix + i).start(() -> {
                synchronized (first) {
                    meet(allHoldOne);
                    // One line, so the reported location is this line whichever part javac tags.
                    lines.set(index, nextLine());
                    synchronized (second) { fail("unreachable: the cycle is closed"); }
                }
            }));
        }
        return awaitSettled(new Stuck(threads, List.of(locks), lines));
    }

    /** A cycle over ReentrantLocks, taken with lockInterruptibly so {@link Stuck#release()} ends it. */
    public static Stuck reentrantLocks(IntFunction<Thread.Builder> kind, String prefix, int n) {
        return reentrantLocks(kind, prefix, n, false);
    }

    /**
     * The same cycle, but each thread asks for its second lock with {@code tryLock} and a timeout
     * of minutes: a jam that clears by itself, not a deadlock.
     */
    public static Stuck timedReentrantLocks(IntFunction<Thread.Builder> kind, String prefix, int n) {
        return reentrantLocks(kind, prefix, n, true);
    }

    private static Stuck reentrantLocks(IntFunction<Thread.Builder> kind, String prefix, int n, boolean timed) {
        List<Object> locks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            locks.add(new ReentrantLock());
        }
        CyclicBarrier allHoldOne = new CyclicBarrier(n);
        AtomicIntegerArray lines = new AtomicIntegerArray(n);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            ReentrantLock first = (ReentrantLock) locks.get(i);
            ReentrantLock second = (ReentrantLock) locks.get((i + 1) % n);
            threads.add(kind.apply(i).name(prefix + i).start(() -> {
                first.lock();
                try {
                    meet(allHoldOne);
                    if (timed) {
                        lines.set(index, nextLine());
                        if (second.tryLock(10, TimeUnit.MINUTES)) {
                            second.unlock();
                        }
                    } else {
                        lines.set(index, nextLine());
                        second.lockInterruptibly();
                        second.unlock();
                    }
                } catch (InterruptedException e) {
                    // released by the test
                } finally {
                    first.unlock();
                }
            }));
        }
        return awaitSettled(new Stuck(threads, locks, lines));
    }

    /**
     * Waits until a snapshot shows exactly these threads in one cycle, and returns that cycle.
     * Fails with what the snapshot saw of them if it never does.
     */
    public static Deadlock awaitCycle(Stuck stuck) {
        Set<Long> ids = stuck.ids();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        ThreadSnapshot last;
        do {
            last = ThreadSnapshot.take();
            for (Deadlock d : Deadlock.findAll(last)) {
                if (d.links().stream().map(l -> l.thread().id()).collect(Collectors.toSet()).equals(ids)) {
                    return d;
                }
            }
            pause();
        } while (System.nanoTime() < deadline);
        ThreadSnapshot seen = last;
        return fail("no cycle among " + ids + "; the snapshot saw:\n" + seen.threads().stream()
                .filter(t -> ids.contains(t.id())).map(Objects::toString).collect(Collectors.joining("\n")));
    }

    /** Marks every deadlock present now as reported, so that findNew() sees only later ones. */
    public static void acknowledgeAll() {
        Deadlock.findAll(ThreadSnapshot.take()).forEach(DeadlockDetector::acknowledge);
    }

    /** Waits until {@code condition} holds; a safety net against a hang, not a timing claim. */
    public static void eventually(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("never happened: " + what);
            }
            pause();
        }
    }

    /** Whether the thread is parked or blocked, not still on its way there. */
    public static boolean stopped(Thread t) {
        Thread.State s = t.getState();
        return s == Thread.State.BLOCKED || s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING;
    }

    /** Every line is recorded once all threads passed the barrier; then they only have to block. */
    private static Stuck awaitSettled(Stuck stuck) {
        eventually(() -> {
            for (int i = 0; i < stuck.lines().length(); i++) {
                if (stuck.line(i) == 0) {
                    return false;
                }
            }
            return stuck.threads().stream().allMatch(DeadlockFixtures::stopped);
        }, "all threads of the cycle to block on their second lock");
        return stuck;
    }

    /** The line after the caller's: where the caller then blocks. */
    private static int nextLine() {
        return StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst().orElseThrow()).getLineNumber() + 1;
    }

    private static void meet(CyclicBarrier barrier) {
        try {
            barrier.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("the threads of the cycle never met", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
