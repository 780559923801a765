package bottleneck.checks;

import bottleneck.LatencyHistogram;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.threadlings.checks.CheckReport;
import org.threadlings.checks.Stress;
import org.threadlings.checks.Structure;
import org.threadlings.checks.Words;

class LatencyHistogramCheck {

    /** Requests in the timed histogram: about 60 ms on one thread on a quiet 2-core machine. */
    private static final long TIMED_N = 8_000_000;
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final String FIX = "Give each thread a long[BUCKETS] of its own to count into, touched by no "
            + "other thread while it runs, and add the histograms together in histogram() after join().";

    private record Run(long[] counts, int peak, long switches, int threads, String names) {
    }

    private static Run watchedHistogram(long n, int threads, long seed, Duration patience) throws Exception {
        return Bounded.call(LIMIT, "histogram(" + Words.count(n) + ", " + threads + " threads) to return", () -> {
            WorkWatch watch = new WorkWatch(Math.min(threads, 2), patience, 0);
            long[] counts = LatencyHistogram.histogram(n, threads, RequestLatency.watched(seed, watch));
            return new Run(counts, watch.peak(), watch.switches(), watch.threads(), watch.names());
        });
    }

    @Test
    @Order(1)
    @DisplayName("every bucket exact for varied sizes and thread counts (randomised, repeated)")
    void exact() {
        Overlap overlap = new Overlap();
        Stress stress = Stress.trials().atLeast(4).atMost(60).informative(3).within(Duration.ofMillis(1500));
        overlap.explained(() -> stress.run(trial -> {
            int threads = trial.between(1, 8);
            long n = trial.between(0, 5) == 0 ? trial.between(0, 12) : trial.between(40_000, 250_000);
            long seed = trial.random().nextLong();
            trial.describe(Words.count(n) + " requests, " + Words.plural(threads, "thread", "threads"));
            Run run = watchedHistogram(n, threads, seed, Duration.ofMillis(100));
            expectSame(RequestLatency.sequentialHistogram(n, seed), run.counts(), n, threads);
            overlap.classify(trial, threads, n, run.peak(), run.switches());
        }));
    }

    private static void expectSame(long[] expected, long[] actual, long n, int threads) {
        String call = "histogram(" + Words.count(n) + ", " + threads + ", latencyOf)";
        if (actual == null || actual.length != expected.length) {
            throw new AssertionFailedError(call + " returned " + (actual == null ? "null" : "an array of "
                    + actual.length) + " where an array of " + expected.length + " buckets was expected. Return a "
                    + "long[BUCKETS] with one count per bucket.");
        }
        for (int b = 0; b < expected.length; b++) {
            if (expected[b] != actual[b]) {
                long counted = Arrays.stream(actual).sum();
                String range = b == 0 ? "0 to 1 µs" : b == expected.length - 1 ? Words.count(1L << b) + " µs and more"
                        : Words.count(1L << b) + " to " + Words.count((1L << (b + 1)) - 1) + " µs";
                String difference = actual[b] < expected[b]
                        ? Words.plural(expected[b] - actual[b], "count", "counts") + " lost"
                        : Words.count(actual[b] - expected[b]) + " too many";
                throw new AssertionFailedError(call + ": bucket " + b + " (" + range + ") holds "
                        + Words.count(actual[b]) + ", but " + Words.count(expected[b]) + " of the requests fall there ("
                        + difference + "; all buckets together hold " + Words.count(counted) + " for "
                        + Words.count(n) + " requests). When two threads read the same old count and both write "
                        + "back that count plus one, one count is lost: with a plain counter, with a lock no other "
                        + "thread takes, or with get() then put() on a ConcurrentHashMap. " + FIX,
                        Arrays.toString(expected), Arrays.toString(actual));
            }
        }
    }

    @Test
    @Order(2)
    @DisplayName("the threads work at the same time (seen without a clock)")
    void threadsWorkAtOnce() throws Exception {
        for (int threads : new int[] {2, 4}) {
            Run run = watchedHistogram(100_000, threads, 11, Duration.ofMillis(300));
            CheckReport.note("histogram(100,000, " + threads + " threads): " + Words.plural(run.threads(), "thread",
                    "threads") + " did work (" + run.names() + "), at most " + run.peak() + " at the same moment");
            if (run.threads() < 2) {
                throw new AssertionFailedError("Asked for " + threads + " threads, all the requests were counted on "
                        + "one thread (" + run.names() + "). Start " + threads + " threads, give each a part of the "
                        + "requests, and let them run at the same time.");
            }
            if (run.peak() < 2) {
                throw new AssertionFailedError("Your " + run.threads() + " threads (" + run.names() + ") took turns: "
                        + "never were two of them working at the same moment (each thread's first request waited "
                        + "300 ms for another thread to arrive, in vain). A lock held around the work, or each "
                        + "thread joined before the next one starts, lets only one thread work at a time. Start "
                        + "every thread before joining any, and hold no lock while counting.");
            }
        }
    }

    @Test
    @Order(3)
    @DisplayName("faster than one thread, next to the shared-atomics starter (speed-up measured in this run)")
    void fasterThanOneThread() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        RequestLatency latency = RequestLatency.timed(1234);
        Bounded.call(Duration.ofSeconds(25), "the speed-up measurement to end", () -> {
            SideBySide.of("a histogram of " + Words.count(TIMED_N) + " request latencies")
                    .baseline(() -> Reference.oneThread(TIMED_N, latency))
                    .reference(() -> Reference.histogramPerThread(TIMED_N, cores, latency), () -> Reference.lastCores)
                    // Not a negative control: whether shared atomics can keep up depends on how much work
                    // surrounds each increment, which is a property of the workload, not of the machine.
                    .starter("shared atomics (the starter)", false, () -> Reference.sharedAtomics(TIMED_N, cores, latency))
                    .candidate(() -> LatencyHistogram.histogram(TIMED_N, cores, latency))
                    .advice(FIX)
                    .check();
            return null;
        });
    }

    @Test
    @Order(4)
    @DisplayName("no shared AtomicLong, AtomicLongArray or AtomicInteger left")
    void noSharedAtomics() {
        // The starter's mechanism, checked without a clock: the speed-up check alone cannot fail it
        // on a machine too busy to time anything.
        Structure.of(LatencyHistogram.class).mustNotUse("a shared AtomicLong, AtomicLongArray or AtomicInteger",
                List.of("java.util.concurrent.atomic.AtomicLong", "java.util.concurrent.atomic.AtomicInteger"),
                "Every thread writing the same atomic counters for every request is the bottleneck this exercise "
                        + "removes. " + FIX);
    }

    /** The checks' own versions: one thread, the reference, and a copy of the starter's algorithm. */
    static final class Reference {

        private Reference() {
        }

        static long[] oneThread(long n, RequestLatency latency) {
            long[] counts = new long[32];
            for (long i = 0; i < n; i++) {
                counts[RequestLatency.bucketOf(latency.applyAsLong(i))]++;
            }
            return counts;
        }

        /** Cores the last run of {@link #histogramPerThread} really used. */
        static volatile double lastCores;

        static long[] histogramPerThread(long n, int threads, RequestLatency latency) throws InterruptedException {
            CpuGauge gauge = new CpuGauge();
            long[][] perThread = new long[threads][];
            Thread[] workers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                int slot = t;
                long from = n * t / threads;
                long to = n * (t + 1) / threads;
                workers[t] = Thread.ofPlatform().daemon(true).name("reference-" + t).start(() -> {
                    long cpu = CpuGauge.workerStart();
                    long[] mine = new long[32];
                    for (long i = from; i < to; i++) {
                        mine[RequestLatency.bucketOf(latency.applyAsLong(i))]++;
                    }
                    perThread[slot] = mine;
                    gauge.workerDone(cpu);
                });
            }
            long[] counts = new long[32];
            for (int t = 0; t < threads; t++) {
                workers[t].join();
                for (int b = 0; b < 32; b++) {
                    counts[b] += perThread[t][b];
                }
            }
            lastCores = gauge.cores();
            return counts;
        }

        /** The starter: one shared AtomicLongArray, one increment per request from every thread. */
        static long[] sharedAtomics(long n, int threads, RequestLatency latency) throws InterruptedException {
            java.util.concurrent.atomic.AtomicLongArray shared = new java.util.concurrent.atomic.AtomicLongArray(32);
            Thread[] workers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                long from = n * t / threads;
                long to = n * (t + 1) / threads;
                workers[t] = Thread.ofPlatform().daemon(true).name("shared-" + t).start(() -> {
                    for (long i = from; i < to; i++) {
                        shared.incrementAndGet(RequestLatency.bucketOf(latency.applyAsLong(i)));
                    }
                });
            }
            for (Thread worker : workers) {
                worker.join();
            }
            long[] counts = new long[32];
            for (int b = 0; b < 32; b++) {
                counts[b] = shared.get(b);
            }
            return counts;
        }
    }
}
