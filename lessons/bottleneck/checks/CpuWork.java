package bottleneck.checks;

import java.util.function.LongUnaryOperator;

/**
 * The CPU work the checks hand to the student's code: a 64-bit scramble of each number (the
 * finaliser of SplitMix64, repeated), a few nanoseconds per round and nothing shared, so it
 * scales across cores. Every run, timed or watched, goes through this one class, so the JIT
 * sees a single implementation at the student's call site and inlines it as it does in the
 * checks' own baseline and reference: a fair comparison.
 */
final class CpuWork implements LongUnaryOperator {

    private final long seed;
    private final int rounds;
    private final WorkWatch watch; // null when timed: one null check per call, nothing more

    private CpuWork(long seed, int rounds, WorkWatch watch) {
        this.seed = seed;
        this.rounds = rounds;
        this.watch = watch;
    }

    /** Work for timing: nothing watches the threads. */
    static CpuWork timed(long seed, int rounds) {
        return new CpuWork(seed, rounds, null);
    }

    /** Work that reports to {@code watch} which threads call it and how many at once. */
    static CpuWork watched(long seed, int rounds, WorkWatch watch) {
        return new CpuWork(seed, rounds, watch);
    }

    @Override
    public long applyAsLong(long i) {
        if (watch != null) {
            watch.call(i);
        }
        return scramble(i, seed, rounds);
    }

    static long scramble(long i, long seed, int rounds) {
        long x = i * 0x9E3779B97F4A7C15L + seed;
        for (int r = 0; r < rounds; r++) {
            x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
            x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
            x ^= x >>> 31;
        }
        return x;
    }

    /** The expected answer, added up on one thread. */
    static long sequentialSum(long n, long seed, int rounds) {
        long total = 0;
        for (long i = 0; i < n; i++) {
            total += scramble(i, seed, rounds);
        }
        return total;
    }
}
