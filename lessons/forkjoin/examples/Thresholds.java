package forkjoin.examples;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.atomic.LongAdder;

/**
 * The same divide-and-conquer sum on a ForkJoinPool with one worker per processor, for thresholds
 * from "never split" down to ten numbers a leaf. The work per number is a few nanoseconds, so
 * what a task costs to create, fork and join shows up clearly. Prints, for each threshold, the
 * best of five runs, the number of leaves and how many workers computed leaves.
 */
public class Thresholds {

    static final int N = 40_000_000;

    /** A few nanoseconds of arithmetic per number that the JIT cannot fold away. */
    static long work(int i) {
        long x = i * 0x9E3779B97F4A7C15L;
        x ^= x >>> 29;
        return x & 1023;
    }

    /** The leaf's loop, and the plain loop's: one method, so the JIT compiles both alike. */
    static long sumRange(int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += work(i);
        }
        return sum;
    }

    static final class Sum extends RecursiveTask<Long> {
        final int from;
        final int to;
        final int threshold;
        final LongAdder leaves;
        final Set<String> workers;

        Sum(int from, int to, int threshold, LongAdder leaves, Set<String> workers) {
            this.from = from;
            this.to = to;
            this.threshold = threshold;
            this.leaves = leaves;
            this.workers = workers;
        }

        @Override
        protected Long compute() {
            if (to - from <= threshold) {
                leaves.increment();
                workers.add(Thread.currentThread().getName());
                return sumRange(from, to);
            }
            int mid = from + (to - from) / 2;
            Sum left = new Sum(from, mid, threshold, leaves, workers);
            Sum right = new Sum(mid, to, threshold, leaves, workers);
            left.fork();
            long r = right.compute();
            return left.join() + r;
        }
    }

    public static void main(String[] args) {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "Sum of work(i) for %,d numbers, ForkJoinPool of %d workers.%n", N, cores);
        long expected = 0;
        long oneThread = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            expected = sumRange(0, N);
            oneThread = Math.min(oneThread, System.nanoTime() - start);
        }
        System.out.printf(Locale.ROOT, "%-22s %9s %9s %12s %8s%n", "threshold", "time", "speed-up", "leaves", "workers");
        System.out.printf(Locale.ROOT, "%-22s %7.1f ms %8.2fx %12s %8s%n", "plain loop, 1 thread", oneThread / 1e6, 1.0,
                "-", "-");
        try (ForkJoinPool pool = new ForkJoinPool(cores)) {
            for (int warm = 0; warm < 5; warm++) { // let the JIT compile the task before anything is timed
                pool.invoke(new Sum(0, N, 10_000, new LongAdder(), ConcurrentHashMap.newKeySet()));
            }
            for (int threshold : new int[] {N, N / 2, 1_000_000, 10_000, 1_000, 100, 10}) {
                long best = Long.MAX_VALUE;
                long leaves = 0;
                int workers = 0;
                for (int run = 0; run < 5; run++) {
                    LongAdder leafCount = new LongAdder();
                    Set<String> names = ConcurrentHashMap.newKeySet();
                    long start = System.nanoTime();
                    long sum = pool.invoke(new Sum(0, N, threshold, leafCount, names));
                    best = Math.min(best, System.nanoTime() - start);
                    if (sum != expected) {
                        throw new IllegalStateException("wrong sum " + sum);
                    }
                    leaves = leafCount.sum();
                    workers = names.size();
                }
                System.out.printf(Locale.ROOT, "%-22s %7.1f ms %8.2fx %,12d %8d%n", String.format(Locale.ROOT, "%,d", threshold),
                        best / 1e6, (double) oneThread / best, leaves, workers);
            }
        }
        System.out.println();
        System.out.println("A threshold of N never splits: one worker does it all. Halving once gives");
        System.out.println("two leaves, and one slow worker holds the other up. Thousands of numbers");
        System.out.println("a leaf keep every worker busy at little cost; ten numbers a leaf spend");
        System.out.println("more time on tasks than on the work.");
    }
}
