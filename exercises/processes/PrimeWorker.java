package processes;

/*
 * Given with exercise prime-farm: you do not need to edit this file.
 *
 * A worker process: `java processes.PrimeWorker FROM TO` counts the primes in [FROM, TO) and
 * prints the count as one line on its standard output, then exits with code 0. Wrong arguments
 * end it with code 2 and a message on its standard error.
 */
public final class PrimeWorker {

    private PrimeWorker() {
    }

    public static void main(String[] args) {
        int from;
        int to;
        try {
            from = Integer.parseInt(args[0]);
            to = Integer.parseInt(args[1]);
        } catch (RuntimeException e) {
            System.err.println("usage: PrimeWorker FROM TO (two whole numbers), not " + String.join(" ", args));
            System.exit(2);
            return;
        }
        System.out.println(countInRange(from, to));
    }

    /** How many primes lie in [from, to). */
    static int countInRange(int from, int to) {
        int count = 0;
        for (int n = from; n < to; n++) {
            if (isPrime(n)) {
                count++;
            }
        }
        return count;
    }

    /** Trial division by 2 and the odd numbers up to the square root, in int arithmetic. */
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
