package org.threadlings.checks;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.threadlings.diagnosis.Deadlock;
import org.threadlings.diagnosis.DeadlockDetector;
import org.threadlings.diagnosis.ThreadActivity;
import org.threadlings.diagnosis.ThreadOrigins;
import org.threadlings.diagnosis.ThreadSnapshot;

/**
 * Waiting that cannot hang a check and explains itself: while it waits it looks for deadlocks,
 * and fails at once with the cycle (who holds what, who waits for what) when it finds one; when
 * time runs out it says what the threads were doing. Every wait in a check should go through
 * here rather than through a bare {@code join()} or {@code get()}.
 */
public final class Await {

    /** Comma-separated packages the grading JVM sets: the student's and the checks'. */
    public static final String FOCUS_PROPERTY = "threadlings.focusPackages";

    private static final long POLL_MILLIS = 20;
    private static final long DEADLOCK_SCAN_MILLIS = 250;
    /**
     * Work whose progress stands still this long is stuck, not slow: a lock nobody will release,
     * a lost wake-up. Failing then, rather than at the timeout, gives the verdict in seconds.
     */
    private static final Duration STALL = Duration.ofSeconds(3);

    /** The progress last seen and since when it has not moved. */
    private record Stall(long done, long since) {
        Stall after(long now, long at) {
            return now == done ? this : new Stall(now, at);
        }

        long stuckFor(long at) {
            return at - since;
        }
    }

    private Await() {
    }

    /** Waits until every thread has finished. */
    public static void termination(Duration timeout, Thread... threads) {
        termination(timeout, null, threads);
    }

    /**
     * Waits until every thread has finished; when time runs out while {@code progress} still
     * moves, fails with "correct so far, but too slow" and the measured rate instead of a hang.
     */
    public static void termination(Duration timeout, Progress progress, Thread... threads) {
        List<Thread> all = Arrays.asList(threads);
        waitFor(() -> all.stream().noneMatch(Thread::isAlive), nanos -> {
            for (Thread thread : all) {
                if (thread.isAlive()) {
                    thread.join(Duration.ofNanos(Math.max(1, nanos)));
                    return;
                }
            }
        }, timeout, "the threads to finish (" + all.stream().filter(Thread::isAlive).map(Thread::getName)
                .collect(Collectors.joining(", ")) + ")", progress);
    }

    /** Waits for a future's value; an exception it completed with is rethrown as it is. */
    public static <T> T result(Future<T> future, Duration timeout, String what) throws Exception {
        waitFor(future::isDone, nanos -> {
            try {
                future.get(nanos, TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException | CancellationException notYetOrDone) {
                // done or not, the loop looks again; the value or the exception is taken below
            }
        }, timeout, what, null);
        try {
            return future.get(0, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            throw new AssertionError("future reported done but has no value", e);
        }
    }

    /** Waits until the latch reaches zero. */
    public static void latch(CountDownLatch latch, Duration timeout, String what) {
        waitFor(() -> latch.getCount() == 0, nanos -> latch.await(nanos, TimeUnit.NANOSECONDS), timeout, what, null);
    }

    /**
     * Waits until {@code condition} holds.
     *
     * @param what what is awaited, for the failure message: "the workers to finish"
     */
    public static void until(BooleanSupplier condition, Duration timeout, String what) {
        until(condition, timeout, what, null);
    }

    /**
     * Waits until {@code condition} holds. When time runs out, {@code progress} (may be null)
     * tells slow from stuck: still moving gives "too slow" with the rate, not a hang.
     */
    public static void until(BooleanSupplier condition, Duration timeout, String what, Progress progress) {
        waitFor(condition, nanos -> Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, nanos / 1_000_000))), timeout, what,
                progress);
    }

    /** Blocks until what is awaited may have happened, or {@code nanos} have passed. */
    @FunctionalInterface
    private interface Blocker {
        void block(long nanos) throws InterruptedException;
    }

    /**
     * The one waiting loop: scans for deadlocks every {@value #DEADLOCK_SCAN_MILLIS} ms and fails
     * when time runs out. Between scans it blocks on what it awaits where it can (a future, a
     * thread, a latch), so the wait ends the moment that is done. Polling a future every 20 ms
     * once added up to 20 ms to a 40 ms candidate in a speed-up check, and failed a correct one.
     */
    private static void waitFor(BooleanSupplier condition, Blocker blocker, Duration timeout, String what,
                                Progress progress) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long nextScan = start + DEADLOCK_SCAN_MILLIS * 1_000_000;
        Stall stall = new Stall(-1, start);
        while (!condition.getAsBoolean()) {
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                if (progress != null && Slowness.stillMoving(progress, condition)) {
                    return;
                }
                timedOut(timeout, what);
            }
            if (now - nextScan >= 0) {
                DeadlockDetector.findNew().filter(d -> !startedInAnotherCheck(d)).ifPresent(Await::deadlocked);
                if (progress != null) {
                    stall = stall.after(progress.done().getAsLong(), now);
                    if (stall.stuckFor(now) >= STALL.toNanos()) {
                        timedOut(Duration.ofNanos(now - start), what + " (no progress at all for the last "
                                + Words.duration(STALL) + ", at " + Words.count(stall.done()) + " of "
                                + Words.count(progress.total()) + " " + progress.unit() + ")");
                    }
                }
                nextScan = System.nanoTime() + DEADLOCK_SCAN_MILLIS * 1_000_000;
            }
            try {
                blocker.block(Math.max(0, Math.min(deadline, nextScan) - System.nanoTime()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + what);
            }
        }
    }

    /** Threads an earlier check left behind: the grading JVM's watchdog blames that check, not this one. */
    private static boolean startedInAnotherCheck(Deadlock deadlock) {
        return deadlock.startedIn().isPresent() && !deadlock.startedIn().equals(ThreadOrigins.current());
    }

    private static void deadlocked(Deadlock deadlock) {
        DeadlockDetector.acknowledge(deadlock);
        fail("Deadlock: these threads wait for each other and none can ever continue.\n"
                + deadlock.describe()
                + "\nEach one holds a lock the next one needs. Take locks in one global order, "
                + "or never hold one lock while taking another.");
    }

    private static void timedOut(Duration timeout, String what) {
        ThreadSnapshot snapshot = ThreadSnapshot.take();
        Set<String> packages = interestingPackages(snapshot);
        List<String> activity = ThreadActivity.describe(snapshot, packages, 10);
        fail("Waited " + Words.duration(timeout) + " for " + what + ", in vain."
                + (activity.isEmpty() ? "" : "\nWhat the threads were doing:\n  " + String.join("\n  ", activity)));
    }

    /**
     * The student's and the checks' packages, as the grading JVM announces them, or else every
     * package seen on a stack outside the JDK, JUnit and the engine.
     */
    static Set<String> interestingPackages(ThreadSnapshot snapshot) {
        String announced = System.getProperty(FOCUS_PROPERTY, "");
        if (!announced.isBlank()) {
            return Set.of(announced.split(","));
        }
        return snapshot.threads().stream()
                .flatMap(t -> t.stack().stream())
                .filter(f -> !f.isJdk() && !f.className().startsWith("org.junit.")
                        && !f.className().startsWith("org.threadlings.") && f.className().contains("."))
                .map(f -> f.className().substring(0, f.className().lastIndexOf('.')))
                .collect(Collectors.toSet());
    }
}
