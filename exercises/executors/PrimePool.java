package executors;

/*
 * Exercise prime-pool -- count primes with an ExecutorService.
 *
 * count(below, threads) must return how many primes lie in [0, below). Right now the caller
 * counts them all itself, in one call to countRange(0, below), and a second core sits idle.
 *
 * What to do: rewrite the body of count() so that it
 *   1. creates a pool of `threads` threads (Executors.newFixedThreadPool),
 *   2. cuts [0, below) into parts and submits one task per part, each task calling
 *      countRange(from, to) for its part -- every number exactly once, mind the boundaries,
 *   3. submits EVERY part before it calls get() on any Future, then adds up the results,
 *   4. shuts the pool down before it returns (try-with-resources on the pool does it).
 * Higher numbers cost more to test than lower ones: parts of equal length are not equal work.
 * Either cut by cost, or cut into several parts per thread so the pool can even things out.
 *
 * Edit only the body of count(); you may add private methods and fields. Keep the class name,
 * the signature of count(), and countRange() and isPrime() exactly as they are: the checks
 * watch countRange() to see which thread counted which part, and when. Create no Thread
 * yourself: the pool does that.
 *
 *   ./run.sh check prime-pool     grade it
 *   ./run.sh hint prime-pool      one hint at a time
 */
public class PrimePool {

    /** Counts the primes in [0, below) on a pool of {@code threads} threads. */
    public long count(int below, int threads) throws Exception {
        return countRange(0, below);
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
