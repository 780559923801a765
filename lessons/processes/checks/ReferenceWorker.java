package processes.checks;

/**
 * The parallel reference's worker: {@code FROM TO} in, the count of primes in [FROM, TO) out,
 * by the same int trial division as the exercise's PrimeWorker (and the toolkit's Primes).
 */
public final class ReferenceWorker {

    private ReferenceWorker() {
    }

    public static void main(String[] args) {
        System.out.println(countInRange(Integer.parseInt(args[0]), Integer.parseInt(args[1])));
    }

    static int countInRange(int from, int to) {
        int count = 0;
        for (int n = from; n < to; n++) {
            if (isPrime(n)) {
                count++;
            }
        }
        return count;
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
