package forkjoin;

import java.util.concurrent.RecursiveTask;
import java.util.function.IntBinaryOperator;

/*
 * Exercise fork-primes -- count primes with a divide-and-conquer RecursiveTask.
 *
 * A PrimeCount counts the primes in [from, to). It is run on a ForkJoinPool:
 * pool.invoke(new PrimeCount(0, 1_000_000, countRange)). Right now compute() counts the whole
 * range in one piece on one worker, so every other worker of the pool sits idle.
 *
 * What to do: make compute() divide and conquer.
 *   - A range of at most THRESHOLD numbers is small: count it directly with
 *     countRange.applyAsInt(from, to) and return that.
 *   - A larger range is cut in two halves, [from, mid) and [mid, to): every number in exactly
 *     one half. Fork one half, so that an idle worker can steal it; compute the other half on
 *     this thread; then join the forked half and add the two counts.
 *   - Use the pool you are running in: fork() does that. Never create a ForkJoinPool inside
 *     compute().
 *   - For 1,000,000 numbers the task must split into at least 32 leaves (calls of countRange);
 *     THRESHOLD = 10_000 is a good start.
 *
 * Edit compute(), and THRESHOLD if you like. Keep the class name, the constructor and the
 * fields: the checks build the task themselves and hand it a countRange that records which
 * worker counted which numbers.
 *
 *   ./run.sh check fork-primes     grade it
 *   ./run.sh hint fork-primes      one hint at a time
 */
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
        // One piece, on one worker: no splitting, no forking. This is the part to rewrite.
        return (long) countRange.applyAsInt(from, to);
    }
}
