package forkjoin.checks;

import forkjoin.PrimeCount;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntBinaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.threadlings.checks.Await;
import org.threadlings.checks.BuildsOn;
import org.threadlings.checks.CheckReport;
import org.threadlings.checks.Inconclusive;
import org.threadlings.checks.Machine;
import org.threadlings.checks.Speedup;
import org.threadlings.checks.Stress;
import org.threadlings.checks.Words;
import org.threadlings.checks.work.Primes;

/**
 * Exercise fork-primes: the student's RecursiveTask counts primes by divide and conquer. The
 * leaf work is the checks' own ({@link Leaves}), so the task tree is seen without a clock: the
 * leaves must cover every number once, be many, run on the pool given, and be counted by two
 * workers at the same moment. Only then is it timed against one thread and a fork/join
 * reference measured in the same run.
 */
class PrimeCountCheck {

    /** Workers of the pool in the clock-free checks: more than two, so a thief is always free. */
    private static final int WORKERS = 4;
    private static final int SPLIT_BELOW = 1_000_000;
    private static final int MIN_LEAVES = 32;
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration MEETING = Duration.ofSeconds(1);
    /**
     * About 70 ms on one thread on a quiet 2-core machine. Twice that (2,000,000) ran the grading
     * of a correct solution past its 45 s time limit under a load average of 22: eleven rounds of
     * three runs each add up fast when one thread takes over a second.
     */
    private static final int TIMED_BELOW = 1_000_000;
    /** Ten times the quiet time of one thread: a swamped machine. */
    private static final Duration SWAMPED = Duration.ofMillis(700);

    private static final String FORK = "Fork one half, compute the other on this thread, then join the forked "
            + "half: left.fork(); long r = right.compute(); return left.join() + r;";

    /** Set by forksAcrossWorkers: timing a task that never runs on two workers at once is pointless. */
    private static boolean seenTogether;
    private static String seenBefore = "the check did not get that far";

    @Test
    @Order(1)
    @DisplayName("counts the primes in [from, to) exactly, every number in exactly one leaf")
    void countsExactly() throws Exception {
        int[][] fixed = {{0, 0}, {0, 1}, {0, 2}, {0, 3}, {0, 100}, {0, 7_919}, {0, 7_920}, {10, 11}, {0, 50_000},
            {99_991, 100_000}, {0, 123_457}, {500_000, 1_000_000}};
        for (int[] range : fixed) {
            expectExact(range[0], range[1]);
        }
        Stress.trials().atLeast(4).atMost(30).within(Duration.ofMillis(800)).run(trial -> {
            int from = trial.between(0, 400_000);
            int to = from + trial.between(0, 300_000);
            trial.describe("new PrimeCount(" + from + ", " + to + ", countRange)");
            expectExact(from, to);
        });
    }

    @Test
    @Order(2)
    @DisplayName("splits 1,000,000 numbers into at least 32 leaves")
    void splitsIntoLeaves() throws Exception {
        Leaves leaves = Leaves.recording();
        long counted = invoke(0, SPLIT_BELOW, leaves, WORKERS);
        expectCount(0, SPLIT_BELOW, counted);
        List<Leaves.Leaf> all = leaves.all();
        int smallest = all.stream().mapToInt(l -> l.to() - l.from()).min().orElse(0);
        int largest = all.stream().mapToInt(l -> l.to() - l.from()).max().orElse(0);
        CheckReport.note(Words.plural(all.size(), "leaf", "leaves") + " for " + Words.count(SPLIT_BELOW)
                + " numbers, of " + Words.count(smallest) + " to " + Words.count(largest) + " numbers");
        if (all.size() < MIN_LEAVES) {
            throw new AssertionFailedError("Counting [0, " + Words.count(SPLIT_BELOW) + ") called countRange "
                    + Words.plural(all.size(), "time", "times") + " (the largest leaf had " + Words.count(largest)
                    + " numbers); at least " + MIN_LEAVES + " leaves are needed so that " + WORKERS
                    + " workers all get work and a slow one can be helped. "
                    + (all.size() == 1 ? "The task never split: does compute() compare to - from with THRESHOLD, "
                    + "and is THRESHOLD far below 1,000,000? " : "Is THRESHOLD too large? ")
                    + "Split while to - from > THRESHOLD, with a THRESHOLD of about 10,000.");
        }
    }

    @Test
    @Order(3)
    @DisplayName("every leaf runs on a worker of the pool that runs the task")
    void runsInGivenPool() throws Exception {
        Leaves leaves = Leaves.recording();
        ForkJoinPool pool = new ForkJoinPool(WORKERS);
        long counted;
        try {
            counted = Await.result(pool.submit(new PrimeCount(0, 300_000, leaves)), PATIENCE,
                    "the task for [0, 300,000) to finish");
        } finally {
            pool.shutdownNow();
        }
        expectCount(0, 300_000, counted);
        List<Leaves.Leaf> outside = leaves.outside(pool);
        if (!outside.isEmpty()) {
            Map<String, Long> byThread = outside.stream().collect(Collectors.groupingBy(l -> l.thread().getName(),
                    TreeMap::new, Collectors.counting()));
            throw new AssertionFailedError(Words.plural(outside.size(), "leaf", "leaves") + " of "
                    + leaves.count() + " ran outside the pool that ran the task, on " + byThread
                    + ". A new ForkJoinPool inside compute() starts a fresh set of threads for every task, "
                    + "and ForkJoinPool.commonPool() is another pool again: the pool you run in sits idle and "
                    + "its workers cannot steal. " + FORK + " fork() puts the half in this pool.");
        }
    }

    @Test
    @Order(4)
    @DisplayName("forks: two workers count leaves at the same moment (seen without a clock)")
    void forksAcrossWorkers() throws Exception {
        seenTogether = false;
        Leaves leaves = Leaves.meeting(MEETING);
        long counted = invoke(0, 400_000, leaves, WORKERS);
        expectCount(0, 400_000, counted);
        int threads = leaves.threads().size();
        int peak = leaves.peakTogether();
        String names = leaves.threads().stream().map(Thread::getName).sorted().collect(Collectors.joining(", "));
        seenBefore = Words.plural(threads, "worker", "workers") + " counted leaves, at most " + peak + " at once";
        CheckReport.note(Words.plural(leaves.count(), "leaf", "leaves") + "; " + seenBefore + " (" + names + "); "
                + "at most " + Words.plural(leaves.mostWaitingToBeStolen(), "forked task", "forked tasks")
                + " waited in a deque to be stolen");
        int waiting = leaves.mostWaitingToBeStolen();
        if (peak < 2 && waiting > 0) {
            // Tasks were there to steal, but no second worker got to a leaf while the first waited.
            throw new Inconclusive("No verdict on whether your task runs on several workers: while a worker "
                    + "waited " + Words.duration(MEETING) + " in its first leaf, up to " + Words.plural(waiting,
                    "forked task was", "forked tasks were") + " waiting in its deque to be stolen, but no other "
                    + "worker came (" + seenBefore + "). The machine is too busy for the pool's threads to run. "
                    + "Close other busy programs and check again.");
        }
        if (threads < 2) {
            throw new AssertionFailedError("A pool of " + WORKERS + " workers ran the task for [0, 400,000), but one "
                    + "worker (" + names + ") counted " + (leaves.count() == 1 ? "the only leaf (the task never "
                    + "split)" : "all " + Words.count(leaves.count()) + " leaves") + ", and no forked task ever waited in its deque for another worker to steal: while it waited "
                    + Words.duration(MEETING) + " in its first leaf, there was nothing to take. Calling compute() "
                    + "on both halves runs them right here, one after the other; so does fork() followed at once "
                    + "by join(), since join() takes the forked half back before anyone could steal it. " + FORK);
        }
        if (peak < 2) {
            throw new AssertionFailedError(names + " counted leaves, but never two at the same moment, and no forked "
                    + "task ever waited in a deque to be stolen: each worker's first leaf waited "
                    + Words.duration(MEETING) + " for another to start one, in vain. A worker that joins a half "
                    + "before it starts on the other (left.fork(); left.join(); right.compute()) waits while a "
                    + "thief works, so only one leaf is ever counted at a time. " + FORK);
        }
        seenTogether = true;
    }

    @Test
    @Order(5)
    @BuildsOn("forksAcrossWorkers")
    @DisplayName("faster than one thread (judged against a fork/join reference measured in this run)")
    void fasterThanOneThread() throws Exception {
        if (!seenTogether) {
            throw new AssertionFailedError("Not timed: in the check above, " + seenBefore + ". A task whose "
                    + "leaves are never counted by two workers at once cannot be faster than one thread. "
                    + "Fix that first.");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int expected = Primes.countBySieve(TIMED_BELOW);
        IntBinaryOperator plain = Primes::countInRange;
        giveUpIfSwamped();
        PoolCores studentCores = new PoolCores();
        ForkJoinPool forStudent = studentCores.pool(cores);
        ForkJoinPool forReference = new ForkJoinPool(cores);
        try {
            Speedup.of("counting primes below " + Words.count(TIMED_BELOW))
                    .baseline(() -> Primes.countSequentially(TIMED_BELOW))
                    .reference(() -> forReference.invoke(new Halves(0, TIMED_BELOW)))
                    .candidate(() -> studentCores.measure(() -> {
                        long counted = Await.result(forStudent.submit(new PrimeCount(0, TIMED_BELOW, plain)),
                                PATIENCE, "the task for [0, " + Words.count(TIMED_BELOW) + ") to finish");
                        expectCount(0, TIMED_BELOW, counted, expected);
                        return counted;
                    }))
                    .warmups(1)
                    .advice("Is THRESHOLD so small that making tasks costs more than counting, or so large "
                            + "that a few big leaves keep the other workers waiting? About 10,000 numbers per "
                            + "leaf suits this work.")
                    .check();
        } catch (AssertionFailedError tooSlow) {
            if (cores >= 2 && studentCores.alwaysCrowded() && tooSlow.getMessage().startsWith("Too slow")) {
                // Seen once in 20 gradings of the solution with one core busy: 1.01x while the
                // reference, in the same rounds, found the second core.
                throw new Inconclusive("No verdict on the speed-up of counting primes below "
                        + Words.count(TIMED_BELOW) + ": " + studentCores.seen() + ", while the fork/join reference "
                        + "found a second core in the same rounds. Spread work that gets one core is the "
                        + "machine's doing, not your code's. " + Machine.adviceForSpeedUps());
            }
            throw tooSlow;
        } finally {
            CheckReport.note(studentCores.summary()); // the clock-free side of the timing, whatever its verdict
            forStudent.shutdownNow();
            forReference.shutdownNow();
        }
    }

    /**
     * One lone baseline run after a warm-up: on a machine so busy that it takes ten times its
     * quiet time, the timed rounds could not tell anything apart and would take most of the
     * time limit, so an honest "no verdict" comes at once.
     */
    private static void giveUpIfSwamped() {
        Primes.countSequentially(TIMED_BELOW);
        long start = System.nanoTime();
        Primes.countSequentially(TIMED_BELOW);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (took.compareTo(SWAMPED) > 0) {
            throw new Inconclusive("No verdict on the speed-up: one thread took " + Words.duration(took)
                    + " to count the primes below " + Words.count(TIMED_BELOW) + ", about 0.07 s on a quiet "
                    + "machine. The machine is too busy for timings to mean anything right now. Close other busy "
                    + "programs and run the check again.");
        }
    }

    /** The checks' own fork/join count: halves down to 10,000 numbers, fork one, compute the other. */
    private static final class Halves extends java.util.concurrent.RecursiveTask<Integer> {
        private final int from;
        private final int to;

        Halves(int from, int to) {
            this.from = from;
            this.to = to;
        }

        @Override
        protected Integer compute() {
            if (to - from <= 10_000) {
                return Primes.countInRange(from, to);
            }
            int mid = from + (to - from) / 2;
            Halves left = new Halves(from, mid);
            left.fork();
            int right = new Halves(mid, to).compute();
            return left.join() + right;
        }
    }

    private static void expectExact(int from, int to) throws Exception {
        Leaves leaves = Leaves.recording();
        long counted = invoke(from, to, leaves, WORKERS);
        String problem = leaves.coverageProblem(from, to);
        if (problem != null) {
            throw new AssertionFailedError("new PrimeCount(" + from + ", " + to + ", countRange) returned "
                    + Words.count(counted) + ", but " + problem + ". Cut [from, to) into [from, mid) and "
                    + "[mid, to): the first half stops just before mid, the second starts at mid, and together they "
                    + "hold every number once. A range of at most THRESHOLD numbers goes to countRange whole.");
        }
        expectCount(from, to, counted);
    }

    private static void expectCount(int from, int to, long counted) {
        expectCount(from, to, counted, Primes.countInRange(from, to));
    }

    private static void expectCount(int from, int to, long counted, long expected) {
        if (counted != expected) {
            throw new AssertionFailedError("new PrimeCount(" + from + ", " + to + ", countRange) returned "
                    + Words.count(counted) + ", but there are " + Words.count(expected) + " primes in [" + from + ", "
                    + to + "). The leaves covered every number once, so the counts got lost on the way up: return "
                    + "the sum of both halves, left.join() + the right half's count.", expected, counted);
        }
    }

    /**
     * Runs the task on a fresh pool, submitted from this thread and awaited without helping, so
     * that every leaf of a correct task runs on a worker of that pool, and a hang is reported.
     */
    private static long invoke(int from, int to, IntBinaryOperator countRange, int workers) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(workers);
        try {
            ForkJoinTask<Long> task = pool.submit(new PrimeCount(from, to, countRange));
            return Await.result(task, PATIENCE, "the task for [" + Words.count(from) + ", " + Words.count(to)
                    + ") to finish");
        } finally {
            pool.shutdownNow();
        }
    }
}
