package bottleneck;

import java.util.function.LongUnaryOperator;

/*
 * Exercise global-lock -- break the global lock.
 *
 * sum() adds up work(i) for every i from 0 to n - 1 on several threads. It is correct, and it
 * is no faster than one thread: it is built like Python's GIL. Every thread must hold the one
 * big lock while it computes, so the threads take turns, a slice of 4,096 numbers at a time,
 * and never run at the same moment.
 *
 * What to do: make the threads really work at once. Let each thread add up its own part of the
 * range in a local variable, with no lock at all, and combine the parts ONCE, after every
 * thread has finished (join() makes each thread's results visible to the caller). With 2 cores
 * the hidden checks expect a clear speed-up over one thread, judged against a parallel
 * reference measured in the same run.
 *
 * Edit the body of sum(): the worker's loop, and how the parts are combined (you may delete
 * bigLock and TURN). Keep the class name and the signature of sum(): the checks call it with
 * varied n, thread counts and work, and compare with a sum made on one thread.
 *
 *   ./run.sh check global-lock     grade it
 *   ./run.sh hint global-lock      one hint at a time
 */
public class GlobalLockSum {

    /** How many numbers a thread adds up each time it holds the lock: its turn. */
    static final int TURN = 4_096;

    /**
     * Adds up {@code work.applyAsLong(i)} for every i from 0 to n - 1, using {@code threads}
     * threads. Like every long addition the sum wraps around on overflow, so the order in which
     * the numbers are added does not change the result.
     */
    public static long sum(long n, int threads, LongUnaryOperator work) throws InterruptedException {
        Object bigLock = new Object(); // one lock for everything, like the interpreter's
        long[] total = new long[1];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            long from = n * t / threads;
            long to = n * (t + 1) / threads;
            workers[t] = new Thread(() -> {
                for (long start = from; start < to; start += TURN) {
                    long end = Math.min(to, start + TURN);
                    synchronized (bigLock) { // no step runs without the big lock
                        for (long i = start; i < end; i++) {
                            total[0] += work.applyAsLong(i);
                        }
                    }
                }
            }, "summer-" + t);
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return total[0];
    }
}
