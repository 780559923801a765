package bottleneck;

import java.util.function.LongUnaryOperator;

// Known-wrong: per-thread parts, but each thread is joined right after it starts.
public class GlobalLockSum {

    public static long sum(long n, int threads, LongUnaryOperator work) throws InterruptedException {
        long total = 0;
        for (int t = 0; t < threads; t++) {
            long from = n * t / threads;
            long to = n * (t + 1) / threads;
            long[] part = new long[1];
            Thread worker = new Thread(() -> {
                long mine = 0;
                for (long i = from; i < to; i++) {
                    mine += work.applyAsLong(i);
                }
                part[0] = mine;
            }, "summer-" + t);
            worker.start();
            worker.join(); // waits for this thread before the next one even starts
            total += part[0];
        }
        return total;
    }
}
