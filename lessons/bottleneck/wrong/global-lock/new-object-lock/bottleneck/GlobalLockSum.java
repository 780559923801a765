package bottleneck;

import java.util.function.LongUnaryOperator;

// Known-wrong: synchronized on a new object each time; no two threads ever share that lock.
public class GlobalLockSum {

    public static long sum(long n, int threads, LongUnaryOperator work) throws InterruptedException {
        long[] total = new long[1];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            long from = n * t / threads;
            long to = n * (t + 1) / threads;
            workers[t] = new Thread(() -> {
                for (long i = from; i < to; i++) {
                    long value = work.applyAsLong(i);
                    synchronized (new Object()) {
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
