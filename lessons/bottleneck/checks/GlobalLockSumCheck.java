package bottleneck.checks;

import bottleneck.GlobalLockSum;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.threadlings.checks.CheckReport;
import org.threadlings.checks.Stress;
import org.threadlings.checks.Words;

class GlobalLockSumCheck {

    /** Rounds of scrambling per number: about 10 ns of work, small enough that a lock per number costs more. */
    private static final int ROUNDS = 4;
    /** Numbers in the timed sum: about 60 ms on one thread on a quiet 2-core machine (measured 7 to 8 ns a number). */
    private static final long TIMED_N = 8_000_000;
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private static final String FIX = "Let each thread add up its part in a local variable of its own, with no "
            + "shared variable and no lock inside the loop, and add the parts together in sum() after join().";

    private record Run(long value, int peak, long switches, int threads, String names) {
    }

    private static Run watchedSum(long n, int threads, long seed, Duration patience, int pauseEvery)
            throws Exception {
        return Bounded.call(LIMIT, "sum(" + Words.count(n) + ", " + threads + " threads) to return", () -> {
            WorkWatch watch = new WorkWatch(Math.min(threads, 2), patience, pauseEvery);
            long value = GlobalLockSum.sum(n, threads, CpuWork.watched(seed, ROUNDS, watch));
            return new Run(value, watch.peak(), watch.switches(), watch.threads(), watch.names());
        });
    }

    @Test
    @Order(1)
    @DisplayName("exact sums for varied n, thread counts and work (randomised, repeated)")
    void exact() {
        Overlap overlap = new Overlap();
        Stress stress = Stress.trials().atLeast(4).atMost(60).informative(3).within(Duration.ofMillis(1500));
        overlap.explained(() -> stress.run(trial -> {
            int threads = trial.between(1, 8);
            long n = trial.between(0, 5) == 0 ? trial.between(0, 12) : trial.between(50_000, 400_000);
            long seed = trial.random().nextLong();
            trial.describe("n = " + Words.count(n) + ", " + Words.plural(threads, "thread", "threads"));
            Run run = watchedSum(n, threads, seed, Duration.ofMillis(100), 128);
            long expected = CpuWork.sequentialSum(n, seed, ROUNDS);
            if (run.value() != expected) {
                throw new AssertionFailedError("sum(" + Words.count(n) + ", " + threads + ", work) returned "
                        + run.value() + ", but adding up the same " + Words.count(n) + " numbers on one thread gives "
                        + expected + ". Threads that add into one shared variable without the same lock lose "
                        + "updates: two read the same old total, both add, and one addition vanishes. " + FIX,
                        expected, run.value());
            }
            overlap.classify(trial, threads, n, run.peak(), run.switches());
        }));
    }

    @Test
    @Order(2)
    @DisplayName("the threads work at the same time (seen without a clock)")
    void threadsWorkAtOnce() throws Exception {
        for (int threads : new int[] {2, 4}) {
            Run run = watchedSum(200_000, threads, 7, Duration.ofMillis(300), 0);
            CheckReport.note("sum(200,000, " + threads + " threads): " + Words.plural(run.threads(), "thread", "threads")
                    + " did work (" + run.names() + "), at most " + run.peak() + " at the same moment");
            if (run.threads() < 2) {
                throw new AssertionFailedError("Asked for " + threads + " threads, all the work ran on one thread ("
                        + run.names() + "). Start " + threads + " threads, give each a part of the range from 0 to "
                        + "n - 1, and let them run at the same time.");
            }
            if (run.peak() < 2) {
                throw new AssertionFailedError("Your " + run.threads() + " threads (" + run.names() + ") took turns: "
                        + "never were two of them computing at the same moment (each thread's first number waited "
                        + "300 ms for another thread to arrive, in vain). That is the global lock at work: a lock "
                        + "held while the work is computed, or each thread joined before the next one starts, lets "
                        + "only one thread work at a time. Compute outside any lock and start every thread before "
                        + "joining any.");
            }
        }
    }

    @Test
    @Order(3)
    @DisplayName("faster than one thread, next to the global-lock starter (speed-up measured in this run)")
    void fasterThanOneThread() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        long seed = 42;
        CpuWork work = CpuWork.timed(seed, ROUNDS);
        Bounded.call(Duration.ofSeconds(25), "the speed-up measurement to end", () -> {
            SideBySide.of("adding up " + Words.count(TIMED_N) + " scrambled numbers")
                    .baseline(() -> Reference.oneThread(TIMED_N, work))
                    .reference(() -> Reference.partsPerThread(TIMED_N, cores, work), () -> Reference.lastCores)
                    .starter("one big lock (the starter)", true, () -> Reference.bigLock(TIMED_N, cores, work))
                    .candidate(() -> GlobalLockSum.sum(TIMED_N, cores, work))
                    .advice(FIX)
                    .check();
            return null;
        });
    }

    /** The checks' own versions: one thread, the reference, and a copy of the starter's algorithm. */
    static final class Reference {

        private Reference() {
        }

        static long oneThread(long n, CpuWork work) {
            long total = 0;
            for (long i = 0; i < n; i++) {
                total += work.applyAsLong(i);
            }
            return total;
        }

        /** Cores the last run of {@link #partsPerThread} really used. */
        static volatile double lastCores;

        static long partsPerThread(long n, int threads, CpuWork work) throws InterruptedException {
            CpuGauge gauge = new CpuGauge();
            long[] parts = new long[threads];
            Thread[] workers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                int slot = t;
                long from = n * t / threads;
                long to = n * (t + 1) / threads;
                workers[t] = Thread.ofPlatform().daemon(true).name("reference-" + t).start(() -> {
                    long cpu = CpuGauge.workerStart();
                    long mine = 0;
                    for (long i = from; i < to; i++) {
                        mine += work.applyAsLong(i);
                    }
                    parts[slot] = mine;
                    gauge.workerDone(cpu);
                });
            }
            long total = 0;
            for (int t = 0; t < threads; t++) {
                workers[t].join();
                total += parts[t];
            }
            lastCores = gauge.cores();
            return total;
        }

        /** The starter: every slice of 4,096 numbers computed while holding the one lock. */
        static long bigLock(long n, int threads, CpuWork work) throws InterruptedException {
            Object bigLock = new Object();
            long[] total = new long[1];
            Thread[] workers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                long from = n * t / threads;
                long to = n * (t + 1) / threads;
                workers[t] = Thread.ofPlatform().daemon(true).name("big-lock-" + t).start(() -> {
                    for (long start = from; start < to; start += 4_096) {
                        long end = Math.min(to, start + 4_096);
                        synchronized (bigLock) {
                            for (long i = start; i < end; i++) {
                                total[0] += work.applyAsLong(i);
                            }
                        }
                    }
                });
            }
            for (Thread worker : workers) {
                worker.join();
            }
            return total[0];
        }
    }
}
