package bottleneck;

import java.util.function.LongUnaryOperator;

// Known-wrong: no sharing left because no threads are left: the caller counts everything.
public class LatencyHistogram {

    public static final int BUCKETS = 32;

    public static int bucketOf(long micros) {
        int bucket = 63 - Long.numberOfLeadingZeros(Math.max(1, micros));
        return Math.min(bucket, BUCKETS - 1);
    }

    public static long[] histogram(long n, int threads, LongUnaryOperator latencyOf) {
        long[] counts = new long[BUCKETS];
        for (long i = 0; i < n; i++) {
            counts[bucketOf(latencyOf.applyAsLong(i))]++;
        }
        return counts;
    }
}
