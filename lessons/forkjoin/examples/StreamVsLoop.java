package forkjoin.examples;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Counts primes with a plain loop and with a parallel stream, and prints which threads the
 * stream used: the common pool's workers and the calling thread. Then eight tasks that each
 * block for 100 ms, run from a parallel stream, and on virtual threads: the common pool has as
 * many workers as processors minus one, and a blocked worker runs nothing else.
 */
public class StreamVsLoop {

    static final int BELOW = 2_000_000;

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

    public static void main(String[] args) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.println(cores + " processors; the common pool has " + ForkJoinPool.getCommonPoolParallelism()
                + " worker(s), and the thread that starts");
        System.out.println("a parallel stream helps too.");
        System.out.println();
        long loop = Long.MAX_VALUE;
        long stream = Long.MAX_VALUE;
        Set<String> threads = ConcurrentHashMap.newKeySet();
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            long count = 0;
            for (int n = 0; n < BELOW; n++) {
                if (isPrime(n)) {
                    count++;
                }
            }
            loop = Math.min(loop, System.nanoTime() - start);
            start = System.nanoTime();
            long parallel = IntStream.range(0, BELOW).parallel()
                    .filter(n -> {
                        threads.add(Thread.currentThread().getName());
                        return isPrime(n);
                    })
                    .count();
            stream = Math.min(stream, System.nanoTime() - start);
            if (parallel != count) {
                throw new IllegalStateException(parallel + " != " + count);
            }
        }
        System.out.printf(Locale.ROOT, "Primes below %,d, best of 5:%n", BELOW);
        System.out.printf(Locale.ROOT, "  plain loop         %7.1f ms%n", loop / 1e6);
        System.out.printf(Locale.ROOT, "  parallel stream    %7.1f ms  (%.2fx)%n", stream / 1e6, (double) loop / stream);
        System.out.println("  the stream ran on: " + String.join(", ", threads.stream().sorted().toList()));
        System.out.println();

        System.out.println("Eight tasks that each block for 100 ms (a slow call, a sleep):");
        long start = System.nanoTime();
        IntStream.range(0, 8).parallel().forEach(i -> sleep(100));
        System.out.printf(Locale.ROOT, "  parallel stream    %7.1f ms%n", (System.nanoTime() - start) / 1e6);
        start = System.nanoTime();
        try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                virtual.submit(() -> sleep(100));
            }
        }
        System.out.printf(Locale.ROOT, "  virtual threads    %7.1f ms%n", (System.nanoTime() - start) / 1e6);
        System.out.println();
        System.out.println("The stream blocks its few threads, and every other parallel stream in");
        System.out.println("the program waits for the same common pool meanwhile.");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
