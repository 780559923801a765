package executors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

// Known-wrong: the pool is never shut down; its idle threads outlive every call.
public class PrimePool {

    public long count(int below, int threads) throws Exception {
        int parts = threads * 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Long>> counts = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            int from = boundary(below, i, parts);
            int to = boundary(below, i + 1, parts);
            counts.add(pool.submit(() -> countRange(from, to)));
        }
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        return total;
    }

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
