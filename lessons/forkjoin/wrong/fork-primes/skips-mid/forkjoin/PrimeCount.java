package forkjoin;

import java.util.concurrent.RecursiveTask;
import java.util.function.IntBinaryOperator;

// Wrong answer: the right half starts at mid + 1, so each mid is never counted
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
        PrimeCount right = new PrimeCount(mid + 1, to, countRange);
        left.fork();
        long rightCount = right.compute();
        return left.join() + rightCount;
    }
}
