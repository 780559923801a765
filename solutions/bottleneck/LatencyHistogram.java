package bottleneck;

import java.util.function.LongUnaryOperator;

/*
 * Reference solution of hot-histogram: each thread counts into a long[] of its own, touched by
 * no other thread while it runs; the caller adds the histograms up after join(), which makes each
 * thread's counts visible to it.
 */
public class LatencyHistogram {

    public static final int BUCKETS = 32;

    public static int bucketOf(long micros) {
        int bucket = 63 - Long.numberOfLeadingZeros(Math.max(1, micros));
        return Math.min(bucket, BUCKETS - 1);
    }

    public static long[] histogram(long n, int threads, LongUnaryOperator latencyOf) throws InterruptedException {
        long[][] perThread = new long[threads][];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int slot = t;
            long from = n * t / threads;
            long to = n * (t + 1) / threads;
            workers[t] = new Thread(() -> {
                long[] mine = new long[BUCKETS]; // allocated by this thread, used only by it
                for (long i = from; i < to; i++) {
                    mine[bucketOf(latencyOf.applyAsLong(i))]++;
                }
                perThread[slot] = mine;
            }, "counter-" + t);
            workers[t].start();
        }
        long[] result = new long[BUCKETS];
        for (int t = 0; t < threads; t++) {
            workers[t].join();
            for (int b = 0; b < BUCKETS; b++) {
                result[b] += perThread[t][b];
            }
        }
        return result;
    }
}
