package races.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Ten threads each add one to a shared counter 100,000 times, five rounds in a row. The counter
 * is a plain long field and increment() is a plain count++, so updates get lost: every round
 * prints how many, and the number changes from run to run.
 */
public class LostUpdates {

    static final int THREADS = 10;
    static final int INCREMENTS = 100_000;

    // Checked on every turn of the loop. Without it the JIT compiler may turn a loop of 100,000
    // count++ into a single "count += 100,000", and the race would mostly hide: real programs
    // do more in their loops, so they rarely get that lucky.
    static volatile boolean running = true;

    static class Counter {
        private long count;

        void increment() {
            count++; // read, add one, write back: three steps another thread can squeeze between
        }

        long get() {
            return count;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        long expected = (long) THREADS * INCREMENTS;
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("%d threads x %,d increments each: expecting %,d (on %d cores)%n%n",
                THREADS, INCREMENTS, expected, cores);
        long lostInAll = 0;
        for (int round = 1; round <= 5; round++) {
            Counter counter = new Counter();
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Thread thread = new Thread(() -> {
                    try {
                        start.await(); // line all threads up, then release them together
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < INCREMENTS && running; i++) {
                        counter.increment();
                    }
                });
                thread.start();
                threads.add(thread);
            }
            start.countDown();
            for (Thread thread : threads) {
                thread.join(); // join also makes the threads' writes visible here
            }
            long lost = expected - counter.get();
            lostInAll += lost;
            System.out.printf("round %d: count = %,9d   lost %,9d (%4.1f%%)%n",
                    round, counter.get(), lost, 100.0 * lost / expected);
        }
        System.out.println();
        if (lostInAll > 0) {
            System.out.println("Run it again: the losses change every time. That is a race condition.");
        } else {
            System.out.println("Nothing lost this time. With " + cores + (cores == 1 ? " core" : " cores")
                    + " the threads may have run one after another,");
            System.out.println("and the race never got its chance. It is still there: run it again, or on a");
            System.out.println("machine with more cores. Never trust one clean run of concurrent code.");
        }
    }
}
