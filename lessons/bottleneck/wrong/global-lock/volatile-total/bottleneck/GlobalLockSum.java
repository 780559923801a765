package bottleneck;

import java.util.function.LongUnaryOperator;

// Known-wrong: no lock, but a volatile total; volatile makes += visible, not atomic.
public class GlobalLockSum {

    private static volatile long total;

    public static long sum(long n, int threads, LongUnaryOperator work) throws InterruptedException {
        total = 0;
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            long from = n * t / threads;
            long to = n * (t + 1) / threads;
            workers[t] = new Thread(() -> {
                for (long i = from; i < to; i++) {
                    total += work.applyAsLong(i);
                }
            }, "summer-" + t);
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return total;
    }
}
