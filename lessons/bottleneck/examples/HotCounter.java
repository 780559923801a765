package bottleneck.examples;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Two threads go through 50 million events between them and count the ones that match (about
 * half), six ways: one shared AtomicLong, one
 * LongAdder, an AtomicLong each in two neighbouring slots of one array (false sharing), the
 * same with the slots 128 bytes apart, and a plain local counter per thread added up at the
 * end. One thread with one AtomicLong is the yardstick. No lock anywhere: every difference is
 * the hardware passing cache lines between cores.
 */
public class HotCounter {

    static final long EVENTS = 50_000_000;
    static long expected;

    /** Whether event i matches: a cheap hash, the same for every way, so no loop can be folded away. */
    static boolean matches(long i) {
        return ((i * 0x9E3779B97F4A7C15L) & (1L << 40)) == 0;
    }

    interface Counting {
        /** Counts {@code events} on {@code threads} threads and returns the total. */
        long count(int threads, long events) throws InterruptedException;
    }

    public static void main(String[] args) throws InterruptedException {
        for (long i = 0; i < EVENTS; i++) {
            expected += matches(i) ? 1 : 0;
        }
        System.out.printf("Counting the matching events among %,d, on %d cores%n%n", EVENTS,
                Runtime.getRuntime().availableProcessors());
        Object[][] ways = {
            {"1 thread,  one AtomicLong", 1, (Counting) HotCounter::sharedAtomic},
            {"2 threads, one shared AtomicLong", 2, (Counting) HotCounter::sharedAtomic},
            {"2 threads, one LongAdder", 2, (Counting) HotCounter::adder},
            {"2 threads, atomics side by side", 2, (Counting) (t, e) -> slots(t, e, 1)},
            {"2 threads, atomics 128 bytes apart", 2, (Counting) (t, e) -> slots(t, e, 16)},
            {"2 threads, a local count each", 2, (Counting) HotCounter::locals},
        };
        for (Object[] way : ways) { // warm-up: let the JIT compile every version first
            time((String) way[0], (int) way[1], (Counting) way[2]);
        }
        long yardstick = 0;
        System.out.printf("%-34s %8s %12s %9s%n", "", "time", "events/us", "speed-up");
        for (Object[] way : ways) {
            long best = Long.MAX_VALUE;
            for (int round = 0; round < 3; round++) {
                best = Math.min(best, time((String) way[0], (int) way[1], (Counting) way[2]));
            }
            if (yardstick == 0) {
                yardstick = best;
            }
            System.out.printf("%-34s %5d ms %12.0f %8.2fx%n", way[0], best / 1_000_000, EVENTS * 1e3 / best,
                    (double) yardstick / best);
        }
        System.out.println();
        System.out.println("Same total every time. A shared counter updated per event makes the two");
        System.out.println("cores pass its cache line back and forth; atomics side by side in one");
        System.out.println("line do it too (false sharing). LongAdder spreads the updates over cells;");
        System.out.println("a local count shares nothing.");
    }

    static long time(String name, int threads, Counting way) throws InterruptedException {
        long start = System.nanoTime();
        long total = way.count(threads, EVENTS);
        long took = System.nanoTime() - start;
        if (total != expected) {
            throw new IllegalStateException(name + " counted " + total);
        }
        return took;
    }

    /** Runs body(t) on each of {@code threads} threads, released together. */
    static void onThreads(int threads, java.util.function.IntConsumer body) throws InterruptedException {
        CountDownLatch gate = new CountDownLatch(1);
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int index = t;
            workers[t] = new Thread(() -> {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    return;
                }
                body.accept(index);
            });
            workers[t].start();
        }
        gate.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
    }

    static long sharedAtomic(int threads, long events) throws InterruptedException {
        AtomicLong count = new AtomicLong();
        onThreads(threads, t -> {
            for (long i = t; i < events; i += threads) {
                if (matches(i)) {
                    count.incrementAndGet();
                }
            }
        });
        return count.get();
    }

    static long adder(int threads, long events) throws InterruptedException {
        LongAdder count = new LongAdder();
        onThreads(threads, t -> {
            for (long i = t; i < events; i += threads) {
                if (matches(i)) {
                    count.increment();
                }
            }
        });
        return count.sum();
    }

    /**
     * Atomic counters per thread, in one array: thread t cycles through slots 8 + t * spacing,
     * + 2, + 4 and + 6. With spacing 1 the two threads' slots interleave (8, 9, 10, ... 15), so
     * whatever the array's place in memory, at least three of the four pairs share a cache line.
     * With spacing 16 each thread's slots lie 128 bytes from the other's.
     */
    static long slots(int threads, long events, int spacing) throws InterruptedException {
        AtomicLongArray counts = new AtomicLongArray(64);
        onThreads(threads, t -> {
            int first = 8 + t * spacing;
            for (long i = t; i < events; i += threads) {
                if (matches(i)) {
                    counts.incrementAndGet(first + 2 * (int) ((i >>> 1) & 3));
                }
            }
        });
        long total = 0;
        for (int slot = 0; slot < counts.length(); slot++) {
            total += counts.get(slot);
        }
        return total;
    }

    static long locals(int threads, long events) throws InterruptedException {
        long[] parts = new long[threads];
        onThreads(threads, t -> {
            long mine = 0;
            for (long i = t; i < events; i += threads) {
                if (matches(i)) {
                    mine++;
                }
            }
            parts[t] = mine; // one write, read after join()
        });
        long total = 0;
        for (long part : parts) {
            total += part;
        }
        return total;
    }
}
