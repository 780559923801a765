package locks.examples;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Four threads take one lock over and over for a second, doing a little work inside. Once with
 * an unfair ReentrantLock (the default), once with a fair one (new ReentrantLock(true)). Prints
 * how many times the lock was taken, and how evenly the turns were shared between the threads.
 */
public class FairVsUnfair {

    static final int THREADS = 4;
    static final long RUN_NANOS = 1_000_000_000L;

    public static void main(String[] args) throws Exception {
        System.out.println(THREADS + " threads, one lock, 1 s each way; inside the lock a few hundred nanoseconds of work.");
        System.out.println();
        for (int round = 1; round <= 2; round++) {
            measure(false, round);
            measure(true, round);
        }
    }

    static void measure(boolean fair, int round) throws InterruptedException {
        ReentrantLock lock = new ReentrantLock(fair);
        long[] turns = new long[THREADS];
        long[] sink = new long[1];
        CountDownLatch gate = new CountDownLatch(1);
        Thread[] threads = new Thread[THREADS];
        long[] end = new long[1];
        for (int t = 0; t < THREADS; t++) {
            int me = t;
            threads[t] = new Thread(() -> {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    return;
                }
                long mine = 0;
                while (System.nanoTime() < end[0]) {
                    lock.lock();
                    try {
                        for (int k = 0; k < 50; k++) {
                            sink[0] = sink[0] * 31 + k;
                        }
                    } finally {
                        lock.unlock();
                    }
                    mine++;
                }
                turns[me] = mine;
            });
            threads[t].setDaemon(true);
            threads[t].start();
        }
        end[0] = System.nanoTime() + RUN_NANOS;
        gate.countDown();
        for (Thread t : threads) {
            t.join();
        }
        long total = Arrays.stream(turns).sum();
        long min = Arrays.stream(turns).min().orElse(0);
        long max = Arrays.stream(turns).max().orElse(0);
        System.out.printf(Locale.ROOT, "round %d, %-6s lock: %,12d acquisitions/s   busiest thread %,11d, quietest %,11d%n",
                round, fair ? "fair" : "unfair", total, max, min);
    }
}
