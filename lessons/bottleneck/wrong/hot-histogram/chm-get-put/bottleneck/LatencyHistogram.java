package bottleneck;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongUnaryOperator;

// Known-wrong: a ConcurrentHashMap, used with get() then put(): each call is safe, the pair is not.
public class LatencyHistogram {

    public static final int BUCKETS = 32;

    public static int bucketOf(long micros) {
        int bucket = 63 - Long.numberOfLeadingZeros(Math.max(1, micros));
        return Math.min(bucket, BUCKETS - 1);
    }

    public static long[] histogram(long n, int threads, LongUnaryOperator latencyOf) throws InterruptedException {
        ConcurrentHashMap<Integer, Long> counts = new ConcurrentHashMap<>();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            long from = n * t / threads;
            long to = n * (t + 1) / threads;
            workers[t] = new Thread(() -> {
                for (long i = from; i < to; i++) {
                    int bucket = bucketOf(latencyOf.applyAsLong(i));
                    Long old = counts.get(bucket);
                    counts.put(bucket, old == null ? 1 : old + 1);
                }
            }, "counter-" + t);
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long[] result = new long[BUCKETS];
        counts.forEach((bucket, count) -> result[bucket] = count);
        return result;
    }
}
