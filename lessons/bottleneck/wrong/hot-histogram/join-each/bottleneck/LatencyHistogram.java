package bottleneck;

import java.util.function.LongUnaryOperator;

// Known-wrong: a histogram per thread, but every thread is joined before the next one starts.
public class LatencyHistogram {

    public static final int BUCKETS = 32;

    public static int bucketOf(long micros) {
        int bucket = 63 - Long.numberOfLeadingZeros(Math.max(1, micros));
        return Math.min(bucket, BUCKETS - 1);
    }

    public static long[] histogram(long n, int threads, LongUnaryOperator latencyOf) throws InterruptedException {
        long[] result = new long[BUCKETS];
        for (int t = 0; t < threads; t++) {
            long from = n * t / threads;
            long to = n * (t + 1) / threads;
            long[] mine = new long[BUCKETS];
            Thread worker = new Thread(() -> {
                for (long i = from; i < to; i++) {
                    mine[bucketOf(latencyOf.applyAsLong(i))]++;
                }
            }, "counter-" + t);
            worker.start();
            worker.join();
            for (int b = 0; b < BUCKETS; b++) {
                result[b] += mine[b];
            }
        }
        return result;
    }
}
