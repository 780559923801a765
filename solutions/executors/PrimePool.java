package executors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/*
 * Exercise prime-pool -- reference solution.
 *
 * Four parts per thread, cut so that each holds about the same work: testing n costs about
 * sqrt(n) divisions, so the work below x grows like x^1.5 and the boundary of part i of p sits
 * at below * (i / p)^(2/3). Several parts per thread let a thread that a busy machine slows
 * down leave its last parts to the others.
 */
public class PrimePool {

    private static final int PARTS_PER_THREAD = 4;

    /** Counts the primes in [0, below) on a pool of {@code threads} threads. */
    public long count(int below, int threads) throws Exception {
        int parts = threads * PARTS_PER_THREAD;
        // close() at the end of the try shuts the pool down and waits for its threads (JDK 19+).
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Long>> counts = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                int from = boundary(below, i, parts);
                int to = boundary(below, i + 1, parts);
                counts.add(pool.submit(() -> countRange(from, to)));
            }
            // Only now wait: every part is already queued or running.
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total;
        }
    }

    /** Where part {@code i} of {@code parts} begins; part {@code parts} "begins" at {@code below}. */
    private static int boundary(int below, int i, int parts) {
        if (i >= parts) {
            return below;
        }
        return (int) (below * Math.pow((double) i / parts, 2.0 / 3));
    }

    /** Counts the primes in [from, to): the work of one task. Keep it as it is: the checks watch it. */
    protected long countRange(int from, int to) {
        long found = 0;
        for (int n = from; n < to; n++) {
            if (isPrime(n)) {
                found++;
            }
        }
        return found;
    }

    /** Whether n is prime, by trial division. Keep it as it is. */
    protected static boolean isPrime(int n) {
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
