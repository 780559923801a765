package bottleneck.examples;

import java.util.ArrayList;
import java.util.List;

/**
 * The same CPU-bound work (adding up a scramble of 20 million numbers) on 1 and 2 threads, done
 * two ways: behind one global lock, as Python's GIL would run it, and with a partial sum per
 * thread, combined once at the end. Prints a table of times and speed-ups, then a timeline of
 * when each thread was really working, drawn from timestamps the threads recorded themselves.
 */
public class GlobalLockVsFree {

    static final long N = 20_000_000;
    static final int TURN = 4_096; // numbers per turn at the lock
    static final int WIDTH = 60;   // columns of the timeline

    public static void main(String[] args) throws InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("Adding up a scramble of %,d numbers, on %d cores%n%n", N, cores);
        long expected = sumOneThread(0, N);
        for (int threads = 1; threads <= 2; threads++) { // warm up the JIT before anything is timed
            run("warm-up", threads, false, expected);
            run("warm-up", threads, true, expected);
        }
        long oneThread = Long.MAX_VALUE; // the yardstick: a plain loop on the main thread
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            if (sumOneThread(0, N) != expected) {
                throw new IllegalStateException("the plain loop computed a wrong sum");
            }
            oneThread = Math.min(oneThread, System.nanoTime() - start);
        }
        System.out.printf("%-32s %8s %9s%n", "", "time", "speed-up");
        System.out.printf("%-32s %5d ms %8.2fx%n", "plain loop, no threads", oneThread / 1_000_000, 1.0);
        String[] labels = {"1 thread,  one global lock", "2 threads, one global lock",
                           "1 thread,  a sum per thread", "2 threads, a sum per thread"};
        for (int k = 0; k < 4; k++) {
            int threads = k % 2 + 1;
            long took = best(labels[k], threads, k < 2, expected);
            System.out.printf("%-32s %5d ms %8.2fx%n", labels[k], took / 1_000_000, (double) oneThread / took);
        }
        long startJoin = Long.MAX_VALUE; // what a thread costs before it does any work
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            for (int k = 0; k < 200; k++) {
                Thread nothing = new Thread(() -> { });
                nothing.start();
                nothing.join();
            }
            startJoin = Math.min(startJoin, (System.nanoTime() - start) / 200);
        }
        System.out.printf("%nStarting a thread that does nothing and joining it: %d us each,%n"
                + "the time to add up about %,d of these numbers on one thread.%n", startJoin / 1000,
                startJoin * N / oneThread);
        System.out.println();
        System.out.println("Who was working when, 2 threads adding up 2,000,000 numbers");
        System.out.println("(# = adding numbers for most of that column's time, . = not):");
        timeline("one global lock", true);
        timeline("a sum per thread", false);
        System.out.println();
        System.out.println("Behind the lock the threads take turns: two #s never share a column.");
        System.out.println("Without it they work side by side, as far as the cores are free: on a");
        System.out.println("busy machine other programs take turns with yours, and the speed-up shrinks.");
    }

    /** Best of three runs, in nanoseconds; checks the result every time. */
    static long best(String what, int threads, boolean locked, long expected) throws InterruptedException {
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            best = Math.min(best, run(what, threads, locked, expected));
        }
        return best;
    }

    static long run(String what, int threads, boolean locked, long expected) throws InterruptedException {
        long start = System.nanoTime();
        long total = sum(threads, locked, N, null);
        long took = System.nanoTime() - start;
        if (total != expected) {
            throw new IllegalStateException(what + " computed a wrong sum");
        }
        return took;
    }

    /**
     * The sum on {@code threads} threads. With {@code spans} given, every thread records when
     * it started and stopped adding numbers (each turn at the lock, or its whole part).
     */
    static long sum(int threads, boolean locked, long n, List<List<long[]>> spans) throws InterruptedException {
        Object bigLock = new Object();
        long[] shared = new long[1];
        long[] parts = new long[threads];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int slot = t;
            long from = n * t / threads;
            long to = n * (t + 1) / threads;
            List<long[]> mine = spans == null ? null : spans.get(t);
            workers[t] = new Thread(() -> {
                if (locked) {
                    for (long s = from; s < to; s += TURN) {
                        long e = Math.min(to, s + TURN);
                        synchronized (bigLock) {
                            long began = System.nanoTime();
                            shared[0] += sumOneThread(s, e);
                            if (mine != null) {
                                mine.add(new long[] {began, System.nanoTime()});
                            }
                        }
                    }
                } else {
                    long began = System.nanoTime();
                    parts[slot] = sumOneThread(from, to);
                    if (mine != null) {
                        mine.add(new long[] {began, System.nanoTime()});
                    }
                }
            });
            workers[t].start();
        }
        long total = 0;
        for (int t = 0; t < threads; t++) {
            workers[t].join();
            total += parts[t];
        }
        return locked ? shared[0] : total;
    }

    static long sumOneThread(long from, long to) {
        long total = 0;
        for (long i = from; i < to; i++) {
            long x = i * 0x9E3779B97F4A7C15L;
            for (int r = 0; r < 4; r++) {
                x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
                x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
                x ^= x >>> 31;
            }
            total += x;
        }
        return total;
    }

    /** Draws who worked when, over a short run of 2 threads. */
    static void timeline(String name, boolean locked) throws InterruptedException {
        long n = 2_000_000; // some tens of milliseconds: long next to starting a thread
        List<List<long[]>> spans = List.of(new ArrayList<>(), new ArrayList<>());
        sum(2, locked, n, spans);
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (List<long[]> thread : spans) {
            for (long[] span : thread) {
                first = Math.min(first, span[0]);
                last = Math.max(last, span[1]);
            }
        }
        double perColumn = Math.max(1, last - first) / (double) WIDTH;
        System.out.printf("%n  %s (%.1f ms in all)%n", name, (last - first) / 1e6);
        for (int t = 0; t < 2; t++) {
            double[] busy = new double[WIDTH]; // nanoseconds of work in each column
            for (long[] span : spans.get(t)) {
                for (int c = 0; c < WIDTH; c++) {
                    double left = first + c * perColumn;
                    double overlap = Math.min(span[1], left + perColumn) - Math.max(span[0], left);
                    busy[c] += Math.max(0, overlap);
                }
            }
            StringBuilder row = new StringBuilder();
            for (int c = 0; c < WIDTH; c++) {
                row.append(busy[c] > perColumn / 2 ? '#' : '.');
            }
            System.out.printf("  thread %d  %s%n", t, row);
        }
    }
}
