package bottleneck;

import java.util.function.LongUnaryOperator;

// Known-wrong: a plain long[] and one lock taken for every request: exact, and a queue per request.
public class LatencyHistogram {

    public static final int BUCKETS = 32;

    public static int bucketOf(long micros) {
        int bucket = 63 - Long.numberOfLeadingZeros(Math.max(1, micros));
        return Math.min(bucket, BUCKETS - 1);
    }

    public static long[] histogram(long n, int threads, LongUnaryOperator latencyOf) throws InterruptedException {
        long[] counts = new long[BUCKETS];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            long from = n * t / threads;
            long to = n * (t + 1) / threads;
            workers[t] = new Thread(() -> {
                for (long i = from; i < to; i++) {
                    int bucket = bucketOf(latencyOf.applyAsLong(i));
                    synchronized (counts) {
                        counts[bucket]++;
                    }
                }
            }, "counter-" + t);
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return counts;
    }
}
