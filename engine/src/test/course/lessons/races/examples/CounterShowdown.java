package races.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import races.AtomicCounter;
import races.LockCounter;
import races.SynchronizedCounter;

/**
 * Runs your three counters under the same load, ten threads of 1,000,000 increments each, and
 * prints whether each is exact and how long it took. Not a benchmark with error bars: a first
 * feel for what each mechanism costs when every thread fights over one variable.
 */
public class CounterShowdown {

    static final int THREADS = 10;
    static final int INCREMENTS = 1_000_000;

    interface Counter {
        void increment();

        long get();
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.printf("%d threads x %,d increments on %d cores%n%n", THREADS, INCREMENTS,
                Runtime.getRuntime().availableProcessors());
        for (int round = 0; round < 2; round++) { // the first round warms up the JIT
            boolean report = round == 1;
            SynchronizedCounter sync = new SynchronizedCounter();
            measure("synchronized", new Counter() {
                public void increment() { sync.increment(); }
                public long get() { return sync.get(); }
            }, report);
            AtomicCounter atomic = new AtomicCounter();
            measure("atomic", new Counter() {
                public void increment() { atomic.increment(); }
                public long get() { return atomic.get(); }
            }, report);
            LockCounter lock = new LockCounter();
            measure("ReentrantLock", new Counter() {
                public void increment() { lock.increment(); }
                public long get() { return lock.get(); }
            }, report);
        }
        System.out.println();
        System.out.println("All three are exact; they differ in what waiting costs. Try a LongAdder in");
        System.out.println("AtomicCounter and run this again.");
    }

    static void measure(String name, Counter counter, boolean report) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < INCREMENTS; i++) {
                    counter.increment();
                }
            });
            thread.start();
            threads.add(thread);
        }
        long begin = System.nanoTime();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        long millis = (System.nanoTime() - begin) / 1_000_000;
        long expected = (long) THREADS * INCREMENTS;
        if (report) {
            System.out.printf("%-14s %,12d %s  %6d ms  (%.1f million increments/s)%n", name, counter.get(),
                    counter.get() == expected ? "exact  " : "WRONG! ", millis, expected / 1000.0 / Math.max(1, millis));
        }
    }
}
