package executors;

import java.util.ArrayList;
import java.util.List;

// Known-wrong: a new Thread per part, started and joined by hand, instead of a pool.
public class PrimePool {

    public long count(int below, int threads) throws Exception {
        int parts = threads;
        long[] found = new long[parts];
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            int slot = i;
            int from = boundary(below, i, parts);
            int to = boundary(below, i + 1, parts);
            Thread worker = new Thread(() -> found[slot] = countRange(from, to));
            worker.start();
            workers.add(worker);
        }
        long total = 0;
        for (int i = 0; i < parts; i++) {
            workers.get(i).join();
            total += found[i];
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
