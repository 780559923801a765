package org.threadlings.checks.work;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An honest CPU-bound workload for speed-up checks: counting primes by trial division. It does
 * real arithmetic the JIT cannot skip, needs no memory to speak of, and its answer is easy to
 * verify. Three things a check needs: a sequential baseline ({@link #countSequentially}), a
 * parallel reference on a pool of threads ({@link #countWithPool}), and a fair way to cut a range
 * into parts ({@link #splitByCost}).
 *
 * <p>Testing {@code n} costs up to {@code sqrt(n)} divisions, so the work in {@code [0, n)} grows
 * like {@code n^1.5}, not like {@code n}. Cutting {@code [0, 3,000,000)} into two halves by count
 * gives the upper half about 65 % of the work: on two cores that is 1.55× at best instead of 2×.
 * {@link #splitByCost} cuts by estimated cost instead.
 *
 * <p>Ranges are {@code int}s on purpose: student code carries its own copy of {@link #isPrime}
 * (it is compiled against the JDK only), written with the same {@code int} arithmetic, so that a
 * baseline measured here and the student's code do the same work per number.
 */
public final class Primes {

    /**
     * The reference hands each pool thread several parts rather than one: if a busy machine
     * slows one thread down, the others take its remaining parts, as a work queue should.
     */
    private static final int PARTS_PER_THREAD = 8;

    private static final AtomicInteger POOLS = new AtomicInteger();

    private Primes() {
    }

    /** The numbers {@code from} (inclusive) to {@code to} (exclusive). */
    public record Range(int from, int to) {

        public Range {
            if (from < 0 || to < from) {
                throw new IllegalArgumentException("not a range: [" + from + ", " + to + ")");
            }
        }

        public int size() {
            return to - from;
        }
    }

    /** Whether {@code n} is prime, by trial division by 2 and the odd numbers up to its square root. */
    public static boolean isPrime(int n) {
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

    /** How many primes lie in {@code [from, to)}, on the calling thread. */
    public static int countInRange(int from, int to) {
        int count = 0;
        for (int n = from; n < to; n++) {
            if (isPrime(n)) {
                count++;
            }
        }
        return count;
    }

    /** How many primes are below {@code below}, on the calling thread: the sequential baseline. */
    public static int countSequentially(int below) {
        return countInRange(0, Math.max(0, below));
    }

    /** How many primes are below {@code below}, on a pool of as many threads as this JVM has processors. */
    public static int countInParallel(int below) {
        return countWithPool(below, Runtime.getRuntime().availableProcessors());
    }

    /**
     * How many primes are below {@code below}, on a fresh pool of {@code threads} threads: the
     * range is cut by {@link #splitByCost} into {@value #PARTS_PER_THREAD} parts per thread, every
     * part is submitted before any result is awaited, and the pool is shut down before returning.
     * The pool's threads are daemons named {@code primes-reference-...}, so a check that is
     * interrupted leaves nothing that holds the JVM open.
     */
    public static int countWithPool(int below, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemons());
        try {
            List<Future<Integer>> parts = new ArrayList<>();
            for (Range part : splitByCost(0, Math.max(0, below), threads * PARTS_PER_THREAD)) {
                Callable<Integer> count = () -> countInRange(part.from(), part.to());
                parts.add(pool.submit(count));
            }
            int total = 0;
            for (Future<Integer> part : parts) {
                total += part.get();
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting primes", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("counting primes failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * How many primes are below {@code below}, on {@code threads} daemon threads given one range of
     * equal cost each ({@link #splitByCost}), started together and joined together: the shape of
     * a split-the-range exercise, as a reference that a briefly taken core slows as much as it
     * slows the student's.
     */
    public static int countOneRangePerThread(int below, int threads) {
        List<Range> ranges = splitByCost(0, Math.max(0, below), threads);
        int[] counts = new int[ranges.size()];
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            int slot = i;
            Range range = ranges.get(i);
            workers.add(Thread.ofPlatform().daemon(true).name("primes-reference-" + i)
                    .start(() -> counts[slot] = countInRange(range.from(), range.to())));
        }
        int total = 0;
        try {
            for (int i = 0; i < workers.size(); i++) {
                workers.get(i).join();
                total += counts[i]; // join() made the worker's write visible
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting primes", e);
        }
        return total;
    }

    /**
     * The estimated cost of testing every number in {@code [from, to)}, in arbitrary units: the
     * integral of {@code sqrt(x)}, that is {@code to^1.5 - from^1.5}. It ignores that most
     * composites are rejected early (which makes real cost grow a little slower, by a factor of
     * about {@code ln n}); over a range like {@code [0, 3,000,000)} that skews a two-way split
     * by about 3 %.
     */
    public static double estimatedCost(int from, int to) {
        return cumulativeCost(to) - cumulativeCost(from);
    }

    /**
     * Cuts {@code [from, to)} into {@code parts} consecutive ranges of about equal
     * {@link #estimatedCost}: together they cover every number exactly once, in order. The ranges
     * near the bottom are longer than those near the top. When there are fewer numbers than parts,
     * some ranges are empty.
     */
    public static List<Range> splitByCost(int from, int to, int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("parts must be at least 1, not " + parts);
        }
        Range whole = new Range(from, to);
        double low = cumulativeCost(whole.from());
        double high = cumulativeCost(whole.to());
        List<Range> ranges = new ArrayList<>(parts);
        int start = from;
        for (int i = 1; i <= parts; i++) {
            int end;
            if (i == parts) {
                end = to;
            } else {
                double target = low + (high - low) * i / parts;
                long inverse = Math.round(Math.pow(target, 2.0 / 3.0));
                end = (int) Math.max(start, Math.min(to, inverse));
            }
            ranges.add(new Range(start, end));
            start = end;
        }
        return List.copyOf(ranges);
    }

    /**
     * How many primes are below {@code below}, by the sieve of Eratosthenes: fast (a few
     * milliseconds for millions) and independent of trial division, so checks use it as the
     * expected answer.
     */
    public static int countBySieve(int below) {
        if (below <= 2) {
            return 0;
        }
        boolean[] composite = new boolean[below];
        int count = 0;
        for (int n = 2; n < below; n++) {
            if (composite[n]) {
                continue;
            }
            count++;
            for (long multiple = (long) n * n; multiple < below; multiple += n) {
                composite[(int) multiple] = true;
            }
        }
        return count;
    }

    private static double cumulativeCost(int x) {
        return Math.pow(x, 1.5);
    }

    private static ThreadFactory daemons() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "primes-reference-" + pool + "-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
