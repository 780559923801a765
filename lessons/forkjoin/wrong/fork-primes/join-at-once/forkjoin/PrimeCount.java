package forkjoin;

import java.util.concurrent.RecursiveTask;
import java.util.function.IntBinaryOperator;

// Wrong answer: each half is joined right after it is forked, before the other half starts
public class PrimeCount extends RecursiveTask<Long> {

    /** A range of at most this many numbers is counted directly, without splitting. */
    static final int THRESHOLD = 10_000;

    private final int from;
    private final int to;
    /** Counts the primes in [from, to) directly, on the calling thread: the work of one leaf. */
    private final IntBinaryOperator countRange;

    public PrimeCount(int from, int to, IntBinaryOperator countRange) {
        this.from = from;
        this.to = to;
        this.countRange = countRange;
    }

    @Override
    protected Long compute() {
        if (to - from <= THRESHOLD) {
            return (long) countRange.applyAsInt(from, to);
        }
        int mid = from + (to - from) / 2;
        PrimeCount left = new PrimeCount(from, mid, countRange);
        PrimeCount right = new PrimeCount(mid, to, countRange);
        left.fork();
        long leftCount = left.join();
        return leftCount + right.compute();
    }
}
