package bottleneck;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;

// Known-wrong: no lock, an AtomicLong instead, still updated once per number by every thread.
public class GlobalLockSum {

    public static long sum(long n, int threads, LongUnaryOperator work) throws InterruptedException {
        AtomicLong total = new AtomicLong();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            long from = n * t / threads;
            long to = n * (t + 1) / threads;
            workers[t] = new Thread(() -> {
                for (long i = from; i < to; i++) {
                    total.addAndGet(work.applyAsLong(i));
                }
            }, "summer-" + t);
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return total.get();
    }
}
