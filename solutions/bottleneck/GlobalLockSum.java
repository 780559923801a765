package bottleneck;

import java.util.function.LongUnaryOperator;

/*
 * Reference solution of global-lock: each thread adds up its own part of the range in a local
 * variable, with no lock, and writes it once into its own slot; the caller adds the slots up
 * after join(), which makes every thread's write visible to it.
 */
public class GlobalLockSum {

    public static long sum(long n, int threads, LongUnaryOperator work) throws InterruptedException {
        long[] parts = new long[threads];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int slot = t;
            long from = n * t / threads;
            long to = n * (t + 1) / threads;
            workers[t] = new Thread(() -> {
                long mine = 0;
                for (long i = from; i < to; i++) {
                    mine += work.applyAsLong(i);
                }
                parts[slot] = mine; // one write per thread, read by the caller after join()
            }, "summer-" + t);
            workers[t].start();
        }
        long total = 0;
        for (int t = 0; t < threads; t++) {
            workers[t].join();
            total += parts[t];
        }
        return total;
    }
}
