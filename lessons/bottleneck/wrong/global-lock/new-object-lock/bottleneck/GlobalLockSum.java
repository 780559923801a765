package bottleneck;

import java.util.function.LongUnaryOperator;

// Known-wrong: the starter with its one lock replaced by a new object each time. The threads
// now run at once, but no two of them ever share a lock, so nothing guards the total.
public class GlobalLockSum {

    static final int TURN = 4_096;

    public static long sum(long n, int threads, LongUnaryOperator work) throws InterruptedException {
        long[] total = new long[1];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            long from = n * t / threads;
            long to = n * (t + 1) / threads;
            workers[t] = new Thread(() -> {
                for (long start = from; start < to; start += TURN) {
                    long end = Math.min(to, start + TURN);
                    synchronized (new Object()) {
                        for (long i = start; i < end; i++) {
                            total[0] += work.applyAsLong(i);
                        }
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
