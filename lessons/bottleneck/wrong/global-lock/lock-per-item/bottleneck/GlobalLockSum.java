package bottleneck;

import java.util.function.LongUnaryOperator;

// Known-wrong: the work moved out of the lock, but the lock is still taken once per number.
public class GlobalLockSum {

    public static long sum(long n, int threads, LongUnaryOperator work) throws InterruptedException {
        Object lock = new Object();
        long[] total = new long[1];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            long from = n * t / threads;
            long to = n * (t + 1) / threads;
            workers[t] = new Thread(() -> {
                for (long i = from; i < to; i++) {
                    long value = work.applyAsLong(i); // computed in parallel, at last
                    synchronized (lock) {             // ...and then a queue at the lock, per number
                        total[0] += value;
                    }
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
