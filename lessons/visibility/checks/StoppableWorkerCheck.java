package visibility.checks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.threadlings.checks.Await;
import org.threadlings.checks.CheckReport;
import org.threadlings.checks.Inconclusive;
import org.threadlings.checks.Stress;
import org.threadlings.checks.Words;
import visibility.StoppableWorker;

/**
 * The stop flag. The worker's class is compiled by the JIT as usual (this lesson does not keep
 * it in the interpreter, unlike the race lesson): the bug being graded is exactly what the JIT
 * does to a hot loop over a plain field. The exercise's jvm-options make the worker wait for its
 * own compilation instead of running on interpreted while the compiler is busy, and the warm-up
 * is counted in the worker's own processor time, so that the request comes when the loop is
 * compiled, even on a loaded machine.
 *
 * "Stuck" is judged by processor time, not by the clock: a worker that has burnt a tenth of a second
 * of processor time after the request without returning is spinning on a stale flag (a correct
 * loop sees it within microseconds), while a worker that got little processor time on a busy
 * machine is only slow, and gets an inconclusive result rather than a failure. Where the JIT
 * cannot show the bug (a call in the loop it cannot see through, such as Thread.sleep), the
 * structural rule still names it.
 */
class StoppableWorkerCheck {

    /** Processor time a worker may use after requestStop() before it counts as stuck. */
    private static final Duration SPIN_BUDGET = Duration.ofMillis(100);

    /** Wall time to wait for that much processor time (or the return) on a busy machine. */
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    /**
     * The first trial's warm-up, in processor time used by the worker. The interpreter reaches
     * the JIT's thresholds in about a millisecond of running, and the worker is stopped while
     * its loop is compiled (it uses no processor time then), so 50 ms of its own processor time
     * means it has been running compiled code for most of them, however busy the machine.
     */
    private static final long FIRST_WARM_UP_CPU_MILLIS = 50;

    /** The most wall time a warm-up may take on a very busy machine. */
    private static final Duration WARM_UP_LIMIT = Duration.ofSeconds(3);

    /**
     * Rounds per second of processor time above which the loop ran compiled for most of its
     * warm-up. Measured on a 2-core machine: about 1,000 million compiled, about 100 million
     * interpreted.
     */
    private static final double COMPILED_ROUNDS_PER_CPU_SECOND = 400e6;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** A worker running runUntilStopped() on a daemon thread of its own. */
    private record Running(StoppableWorker worker, FutureTask<Long> rounds, Thread thread) {
        static Running start(StoppableWorker worker) {
            FutureTask<Long> rounds = new FutureTask<>(worker::runUntilStopped);
            Thread thread = Thread.ofPlatform().daemon(true).name("worker").start(rounds);
            return new Running(worker, rounds, thread);
        }

        /** Processor time the worker thread has used so far, in nanoseconds; 0 once it has ended. */
        long cpuNanos() {
            long cpu = THREADS.getThreadCpuTime(thread.threadId());
            return Math.max(cpu, 0);
        }
    }

    @Test
    @Order(1)
    @DisplayName("returns soon after requestStop(), also when the loop has run hot")
    void stopsWhenAsked() {
        int[] compiled = {0};
        int trials = Stress.trials().atLeast(2).atMost(4).within(Duration.ofMillis(1500)).run(trial -> {
            long warmUp = trial.number() == 1 ? FIRST_WARM_UP_CPU_MILLIS : trial.between(10, 80);
            Running running = Running.start(new StoppableWorker());
            long started = System.nanoTime();
            Thread.sleep(warmUp);
            while (running.cpuNanos() < warmUp * 1_000_000 && !running.rounds.isDone()
                    && System.nanoTime() - started < WARM_UP_LIMIT.toNanos()) {
                Thread.sleep(5);
            }
            String ran = Words.duration(Duration.ofNanos(running.cpuNanos())) + " of processor time in "
                    + Words.duration(Duration.ofNanos(System.nanoTime() - started));
            trial.describe("the worker ran for " + ran + " before requestStop()");
            if (running.rounds.isDone()) {
                throw new AssertionFailedError("runUntilStopped() returned after " + Words.count(running.rounds.get())
                        + " rounds, before anyone called requestStop(). It must keep working until another thread "
                        + "asks it to stop: loop while the stop flag is not set.");
            }
            long cpuBefore = running.cpuNanos();
            running.worker.requestStop();
            long asked = System.nanoTime();
            awaitReturn(running, cpuBefore, "runUntilStopped() to return after requestStop() (the loop had run for "
                    + ran + ")", () -> stillRunningAdvice(ran));
            long rounds = running.rounds.get();
            double rate = cpuBefore == 0 ? 0 : rounds / (cpuBefore / 1e9);
            boolean ranCompiled = rate >= COMPILED_ROUNDS_PER_CPU_SECOND;
            compiled[0] += ranCompiled ? 1 : 0;
            CheckReport.note("trial " + trial.number() + ": returned " + Words.duration(Duration.ofNanos(System.nanoTime() - asked))
                    + " after the request; " + Words.count(Math.round(rate / 1e6)) + " million rounds per second of "
                    + "processor time (" + (ranCompiled ? "compiled speed" : "below compiled speed") + ")");
        });
        if (compiled[0] == 0) {
            CheckReport.note("In none of the " + trials + " trials did the loop run at compiled speed (it was still "
                    + "interpreted on a busy machine, or does more per round than a plain flag test), so this check "
                    + "could not show a stale read. The check of the field below decides.");
        }
    }

    @Test
    @Order(2)
    @DisplayName("a stop requested before the worker starts is not lost")
    void stopBeforeStart() {
        StoppableWorker worker = new StoppableWorker();
        worker.requestStop();
        Running running = Running.start(worker);
        awaitReturn(running, 0, "runUntilStopped() to return: requestStop() had been called before it started",
                () -> "A stop request must not be lost: requestStop() was called before runUntilStopped() began, "
                        + "so runUntilStopped() should find the flag set and return at once. Do not reset the flag "
                        + "at the start of runUntilStopped(); set it only in requestStop().");
    }
    @Test
    @Order(3)
    @DisplayName("the stop request lives in a volatile field or an atomic")
    void flagIsVolatile() {
        List<SharedFields.Read> reads = SharedFields.unguardedReads(StoppableWorker.class);
        if (!reads.isEmpty()) {
            SharedFields.Read first = reads.get(0);
            throw new AssertionFailedError("StoppableWorker." + first.field() + " is written by one thread and read by "
                    + "another, but it is neither volatile nor an atomic, and it is read with no lock held ("
                    + String.join("; ", reads.stream().map(Object::toString).toList()) + "). Without a happens-before "
                    + "edge from the write to the read, the JIT may read the field once and keep it in a register. "
                    + "It may not show in a test (a call such as Thread.sleep in the loop hides it, without any "
                    + "promise from the Java memory model: JLS 17.3), so this rule looks at the field itself. "
                    + "Declare it `private volatile boolean " + first.field() + ";`, or make it a "
                    + "`final AtomicBoolean` and use get() and set(true).");
        }
    }

    /**
     * Waits until the worker returns, or has used {@link #SPIN_BUDGET} of processor time since
     * {@code cpuBefore} without returning (stuck: fails with {@code advice} and where it spins),
     * or {@link #PATIENCE} has passed with less (a busy machine: inconclusive).
     */
    private static void awaitReturn(Running running, long cpuBefore, String what, Supplier<String> advice) {
        long spin = SPIN_BUDGET.toNanos();
        try {
            Await.until(() -> running.rounds.isDone() || running.cpuNanos() - cpuBefore >= spin, PATIENCE, what);
        } catch (AssertionError slow) {
            if (!running.rounds.isDone()) {
                throw new Inconclusive("No verdict: in " + Words.duration(PATIENCE) + " after requestStop() the worker "
                        + "got only " + Words.duration(Duration.ofNanos(running.cpuNanos() - cpuBefore)) + " of processor "
                        + "time, too little to tell a stuck loop from a starved one. The machine is very busy: close "
                        + "other busy programs and run the check again.");
            }
        }
        if (!running.rounds.isDone()) {
            throw new AssertionFailedError(advice.get() + "\nThe worker used " + Words.duration(SPIN_BUDGET)
                    + " of processor time after the request (a loop that reads the flag needs a few microseconds) and "
                    + "was still running at " + where(running.thread) + ".");
        }
        try {
            running.rounds.get();
        } catch (Exception e) {
            throw new AssertionFailedError("runUntilStopped() threw " + e.getCause() + "; it should return the number "
                    + "of rounds done.", e);
        }
    }

    /** The worker's innermost frame in the student's code, such as "StoppableWorker.java:31 in runUntilStopped". */
    private static String where(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().startsWith("visibility.") && !frame.getClassName().startsWith("visibility.checks.")) {
                return frame.getFileName() + ":" + frame.getLineNumber() + " in " + frame.getMethodName() + "()";
            }
        }
        return "a place outside StoppableWorker";
    }

    /** Why a worker that was asked to stop may still run, depending on what the class looks like. */
    private static String stillRunningAdvice(String ran) {
        Set<String> plain = SharedFields.mutableShared(StoppableWorker.class);
        if (!plain.isEmpty()) {
            String field = SharedFields.simple(plain.iterator().next());
            return "runUntilStopped() did not return after requestStop(). The loop "
                    + "had run for " + ran + ", so the JIT compiled it, and " + field + " is a plain field: "
                    + "nothing tells the compiler that another thread writes it, so it read " + field
                    + " once and spins on that copy. Declare it volatile (or use an AtomicBoolean).";
        }
        return "runUntilStopped() did not return after requestStop(), although "
                + "the flag is volatile or atomic. So the loop does not look at it: does it test a copy taken before "
                + "the loop, or spend its time in an inner loop that never reads the flag? Read the field itself on "
                + "every turn of the loop that does the work.";
    }
}
