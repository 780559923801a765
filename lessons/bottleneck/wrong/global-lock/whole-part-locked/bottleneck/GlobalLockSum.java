package bottleneck;

import java.util.function.LongUnaryOperator;

// Known-wrong: a local sum per thread, but the whole loop still runs inside the shared lock.
public class GlobalLockSum {

    public static long sum(long n, int threads, LongUnaryOperator work) throws InterruptedException {
        Object lock = new Object();
        long[] total = new long[1];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            long from = n * t / threads;
            long to = n * (t + 1) / threads;
            workers[t] = new Thread(() -> {
                synchronized (lock) {
                    long mine = 0;
                    for (long i = from; i < to; i++) {
                        mine += work.applyAsLong(i);
                    }
                    total[0] += mine;
                }
            }, "summer-" + t);
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return total[0];
    }
}
