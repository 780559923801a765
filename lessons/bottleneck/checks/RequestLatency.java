package bottleneck.checks;

import java.util.function.LongUnaryOperator;

/**
 * The latency of request i, in microseconds, made up from a scramble of i (see {@link CpuWork}):
 * a few nanoseconds of work per request, like a cheap parse of a log line. Half the requests take
 * 128 to 255 µs, a quarter the next bucket up, and so on, with rare outliers of 0 µs and of
 * hours: a few buckets are hot, which is what makes a shared histogram a battleground. One
 * class for every run, timed or watched, so the JIT treats the student's loop and the checks'
 * alike.
 */
final class RequestLatency implements LongUnaryOperator {

    /**
     * Scramble rounds per request: a few nanoseconds, so that a shared counter's trips between
     * cores dominate, as they do in real code that counts cheap events. With 24 rounds (about
     * 100 ns a request) the starter's shared atomics measured 1.05× to 1.84× on 2 quiet cores:
     * the trips hid behind the work, and the exercise would have taught nothing.
     */
    static final int ROUNDS = 3;

    private final long seed;
    private final WorkWatch watch; // null when timed

    private RequestLatency(long seed, WorkWatch watch) {
        this.seed = seed;
        this.watch = watch;
    }

    static RequestLatency timed(long seed) {
        return new RequestLatency(seed, null);
    }

    static RequestLatency watched(long seed, WorkWatch watch) {
        return new RequestLatency(seed, watch);
    }

    @Override
    public long applyAsLong(long i) {
        if (watch != null) {
            watch.call(i);
        }
        return latency(i, seed);
    }

    static long latency(long i, long seed) {
        long x = CpuWork.scramble(i, seed, ROUNDS);
        int top = (int) (x >>> 56);
        if (top == 0xFF) {
            return x >>> 1; // an outlier of hours: the last bucket
        }
        if (top == 0xFE) {
            return 0; // served from a cache: bucket 0
        }
        int extra = Long.numberOfTrailingZeros(x | (1L << 12)); // 0 half the time, 1 a quarter, ...
        long low = 1L << (7 + extra);
        return low + ((x >>> 20) & (low - 1));
    }

    /** The checks' own copy of the bucket rule of the exercise. */
    static int bucketOf(long micros) {
        int bucket = 63 - Long.numberOfLeadingZeros(Math.max(1, micros));
        return Math.min(bucket, 31);
    }

    /** The expected histogram, counted on one thread. */
    static long[] sequentialHistogram(long n, long seed) {
        long[] counts = new long[32];
        for (long i = 0; i < n; i++) {
            counts[bucketOf(latency(i, seed))]++;
        }
        return counts;
    }
}
