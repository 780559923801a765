package parallelism;

/*
 * Exercise split-primes -- count primes on every core.
 *
 * count(below, threads) must return how many primes lie in [0, below). Right now one thread,
 * the caller, tests every number, so a second core sits idle.
 *
 * What to do: rewrite the body of count() so that it creates `threads` new threads, gives each
 * thread its own part of the range [0, below), starts them ALL, then joins them all and adds
 * up what each one found.
 *   - Every number from 0 to below - 1 must be tested exactly once: mind the boundaries.
 *   - Each thread counts into its own variable (an array slot is fine); add the parts up
 *     after join(). Threads that all do count++ on one shared field lose updates.
 *   - Higher numbers cost more to test than lower ones (the lesson explains why): parts
 *     of equal length are not equal work.
 *
 * Edit only the body of count(); you may add private methods and fields. Keep the class name,
 * the signature of count(), and isPrime() exactly as they are: the checks watch isPrime() to
 * see which threads tested which numbers.
 *
 *   ./run.sh check split-primes     grade it
 *   ./run.sh hint split-primes      one hint at a time
 */
public class PrimeCounter {

    /** Counts the primes in [0, below) with {@code threads} threads. */
    public long count(int below, int threads) throws InterruptedException {
        long total = 0;
        for (int n = 0; n < below; n++) {
            if (isPrime(n)) {
                total++;
            }
        }
        return total;
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
