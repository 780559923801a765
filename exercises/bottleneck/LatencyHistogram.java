package bottleneck;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongUnaryOperator;

/*
 * Exercise hot-histogram -- stop the threads fighting over one histogram.
 *
 * histogram() sorts the latencies of n requests into 32 buckets (one per power of two of
 * microseconds) on several threads. There is no lock anywhere: every thread adds one to a
 * shared AtomicLongArray for every request. The result is exact, and on 2 cores it is barely
 * faster than one thread, sometimes slower. Most requests land in the same few buckets, so both
 * cores keep writing to the same cache line, and each write must first take that line away from
 * the other core. The threads run at once and still wait for each other, in the hardware.
 *
 * What to do: give each thread a histogram of its own (a plain long[BUCKETS]) to count into,
 * with nothing shared while the threads run, and add the histograms together once, after every
 * thread has finished. The hidden checks compare every bucket with a count made on one thread,
 * for varied sizes and thread counts, and expect a clear speed-up on 2 cores, judged against a
 * parallel reference measured in the same run.
 *
 * Edit the body of histogram(). Keep BUCKETS and bucketOf() as they are, and keep the class name
 * and the signatures: the checks call them.
 *
 *   ./run.sh check hot-histogram     grade it
 *   ./run.sh hint hot-histogram      one hint at a time
 */
public class LatencyHistogram {

    public static final int BUCKETS = 32;

    /** Bucket b holds latencies from 2^b to 2^(b+1) - 1 microseconds (0 and 1 go to bucket 0); the last takes all longer ones. */
    public static int bucketOf(long micros) {
        int bucket = 63 - Long.numberOfLeadingZeros(Math.max(1, micros));
        return Math.min(bucket, BUCKETS - 1);
    }

    /**
     * Counts, for requests 0 to n - 1, how many have their latency, {@code latencyOf.applyAsLong(i)}
     * microseconds, in each bucket. Uses {@code threads} threads.
     */
    public static long[] histogram(long n, int threads, LongUnaryOperator latencyOf) throws InterruptedException {
        AtomicLongArray counts = new AtomicLongArray(BUCKETS); // shared by every thread
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            long from = n * t / threads;
            long to = n * (t + 1) / threads;
            workers[t] = new Thread(() -> {
                for (long i = from; i < to; i++) {
                    counts.incrementAndGet(bucketOf(latencyOf.applyAsLong(i))); // one shared write per request
                }
            }, "counter-" + t);
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long[] result = new long[BUCKETS];
        for (int b = 0; b < BUCKETS; b++) {
            result[b] = counts.get(b);
        }
        return result;
    }
}
