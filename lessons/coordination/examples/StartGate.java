package coordination.examples;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * How together do threads really start? Four threads each note the moment they begin their
 * work. Once they are started one after another, each beginning as soon as it runs; once they
 * all wait at a CountDownLatch start gate that opens when every one of them is ready. A second
 * latch is the finish line the main thread waits at. Prints the spread between the first and
 * the last start, the median of 21 trials each way.
 */
public class StartGate {

    static final int THREADS = 4;
    static final int TRIALS = 21;

    public static void main(String[] args) throws Exception {
        System.out.println(THREADS + " threads, " + TRIALS + " trials each way; spread = last start - first start.");
        for (int warm = 0; warm < 5; warm++) {
            oneByOne();
            withGate();
        }
        long[] plain = new long[TRIALS];
        long[] gated = new long[TRIALS];
        for (int t = 0; t < TRIALS; t++) {
            plain[t] = oneByOne();
            gated[t] = withGate();
        }
        report("started one by one      ", plain);
        report("released by a start gate", gated);
    }

    /** Each thread starts its work as soon as it runs. */
    static long oneByOne() throws InterruptedException {
        long[] started = new long[THREADS];
        CountDownLatch finish = new CountDownLatch(THREADS);
        for (int i = 0; i < THREADS; i++) {
            int me = i;
            new Thread(() -> {
                started[me] = System.nanoTime();
                finish.countDown();
            }).start();
        }
        finish.await(); // the finish line: countDown() happens-before await() returns
        return spread(started);
    }

    /** Every thread waits at the gate; the gate opens once all are ready. */
    static long withGate() throws InterruptedException {
        long[] started = new long[THREADS];
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(THREADS);
        for (int i = 0; i < THREADS; i++) {
            int me = i;
            new Thread(() -> {
                ready.countDown();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    return;
                }
                started[me] = System.nanoTime();
                finish.countDown();
            }).start();
        }
        ready.await();
        gate.countDown();
        finish.await();
        return spread(started);
    }

    static long spread(long[] started) {
        return Arrays.stream(started).max().getAsLong() - Arrays.stream(started).min().getAsLong();
    }

    static void report(String how, long[] spreads) {
        long[] sorted = spreads.clone();
        Arrays.sort(sorted);
        System.out.printf("%s  median %,7d us   (fastest %,d us, slowest %,d us)%n", how,
                sorted[sorted.length / 2] / 1_000, sorted[0] / 1_000, sorted[sorted.length - 1] / 1_000);
    }
}
