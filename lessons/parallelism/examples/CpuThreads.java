package parallelism.examples;

import java.util.ArrayList;
import java.util.List;

/**
 * A CPU-bound job, counting the primes below 2,000,000, done by 1, 2, 4 and 8 threads. Each
 * setting runs five times and the best time counts. The speed-up grows until there is one
 * thread per core and stops there: more threads than cores just take turns.
 *
 * A second table splits the same job between two threads in two ways: into halves of equal
 * length, and into halves of equal work.
 */
public class CpuThreads {

    static final int BELOW = 2_000_000;

    public static void main(String[] args) throws InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("Counting the primes below %,d; this JVM sees %d cores.%n%n", BELOW, cores);
        count(BELOW, 1, true); // a first run, so the JIT has compiled isPrime before we time anything

        System.out.println("threads   best of 5   speed-up");
        double one = 0;
        for (int threads : new int[] {1, 2, 4, 8}) {
            double seconds = best(threads, true);
            if (threads == 1) {
                one = seconds;
            }
            System.out.printf("%7d   %7.3f s   %7.2fx%n", threads, seconds, one / seconds);
        }

        System.out.println();
        System.out.println("2 threads, split...          best of 5   speed-up");
        double byLength = best(2, false);
        System.out.printf("into equal lengths           %7.3f s   %7.2fx%n", byLength, one / byLength);
        double byCost = best(2, true);
        System.out.printf("into equal work (by cost)    %7.3f s   %7.2fx%n", byCost, one / byCost);
    }

    /**
     * Best of five runs, in seconds: a run takes a fifth of a second, and one moment when another
     * program takes a core spoils a run; five give the threads a fair chance at a quiet one.
     */
    static double best(int threads, boolean byCost) throws InterruptedException {
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            long primes = count(BELOW, threads, byCost);
            best = Math.min(best, System.nanoTime() - start);
            if (primes != 148_933) {
                throw new IllegalStateException("wrong count: " + primes);
            }
        }
        return best / 1e9;
    }

    /** Counts the primes below {@code below} with {@code threads} threads, one range each. */
    static long count(int below, int threads, boolean byCost) throws InterruptedException {
        long[] found = new long[threads];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int from = boundary(below, t, threads, byCost);
            int to = boundary(below, t + 1, threads, byCost);
            int slot = t;
            Thread worker = new Thread(() -> {
                long mine = 0; // counted in a local variable: nothing shared while the work runs
                for (int n = from; n < to; n++) {
                    if (isPrime(n)) {
                        mine++;
                    }
                }
                found[slot] = mine; // each thread writes its own slot, once
            });
            worker.start();
            workers.add(worker);
        }
        long total = 0;
        for (int t = 0; t < threads; t++) {
            workers.get(t).join();
            total += found[t];
        }
        return total;
    }

    /**
     * Where part i of the range starts. By length: below * i / parts. By cost: testing n takes
     * about sqrt(n) steps, so the work below x grows like x^1.5, and equal work per part puts
     * the boundaries at below * (i / parts)^(2/3).
     */
    static int boundary(int below, int i, int parts, boolean byCost) {
        if (i >= parts) {
            return below;
        }
        double share = (double) i / parts;
        return (int) (below * (byCost ? Math.pow(share, 2.0 / 3.0) : share));
    }

    static boolean isPrime(int n) {
        if (n < 2) {
            return false;
        }
        if (n % 2 == 0) {
            return n == 2;
        }
        for (int d = 3; (long) d * d <= n; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }
}
