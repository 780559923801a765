package parallelism;

/*
 * Known-wrong answer to split-primes: the counts are added up without join(), before the
 * threads are done.
 */
public class PrimeCounter {

    /** Counts the primes in [0, below) with {@code threads} threads. */
    public long count(int below, int threads) throws InterruptedException {
        long[] found = new long[threads];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int from = boundary(below, t, threads);
            int to = boundary(below, t + 1, threads);
            int slot = t;
            workers[t] = new Thread(() -> found[slot] = countRange(from, to), "prime-counter-" + t);
            workers[t].start();
        }
        long total = 0;
        for (int t = 0; t < threads; t++) {
            total += found[t]; // read before the threads have finished: never joined
        }
        return total;
    }

    /**
     * Where part {@code i} of {@code parts} starts. Testing n costs about sqrt(n) divisions, so the
     * work below x grows like x^1.5: equal work per part means x^1.5 grows by the same amount
     * from one boundary to the next, that is x_i = below * (i / parts)^(2/3). The last boundary
     * is exactly {@code below}, so no number is lost to rounding.
     */
    static int boundary(int below, int i, int parts) {
        if (i >= parts) {
            return below;
        }
        return (int) (below * Math.pow((double) i / parts, 2.0 / 3.0));
    }

    private long countRange(int from, int to) {
        long count = 0;
        for (int n = from; n < to; n++) {
            if (isPrime(n)) {
                count++;
            }
        }
        return count;
    }

    /** Whether n is prime, by trial division. Keep this method as it is: the checks watch it. */
    protected boolean isPrime(int n) {
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
