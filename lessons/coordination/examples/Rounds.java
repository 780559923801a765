package coordination.examples;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Three workers run three rounds. Each round every worker works for a random 10 to 60 ms, then
 * waits at a CyclicBarrier; the barrier's action runs once per round, when the last worker
 * arrives, and only then does the next round start. Prints a timeline: who arrived when, and
 * how long each waited for the slowest.
 */
public class Rounds {

    static final int WORKERS = 3;
    static final int ROUNDS = 3;
    static final long T0 = System.nanoTime();

    public static void main(String[] args) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(WORKERS,
                () -> System.out.printf("%5d ms  -- all %d arrived: round over, barrier opens --%n", ms(), WORKERS));
        Thread[] workers = new Thread[WORKERS];
        for (int w = 0; w < WORKERS; w++) {
            String name = "worker " + (char) ('A' + w);
            workers[w] = new Thread(() -> {
                try {
                    for (int round = 1; round <= ROUNDS; round++) {
                        long work = ThreadLocalRandom.current().nextLong(10, 61);
                        TimeUnit.MILLISECONDS.sleep(work);
                        long arrived = System.nanoTime();
                        System.out.printf("%5d ms  %s finished round %d (worked %2d ms), waits%n",
                                ms(), name, round, work);
                        barrier.await();
                        long waited = (System.nanoTime() - arrived) / 1_000_000;
                        if (waited > 0) {
                            System.out.printf("%5d ms  %s waited %d ms for the others%n", ms(), name, waited);
                        }
                    }
                } catch (Exception e) {
                    System.out.println(name + " stopped: " + e);
                }
            });
            workers[w].start();
        }
        for (Thread w : workers) {
            w.join();
        }
    }

    static long ms() {
        return (System.nanoTime() - T0) / 1_000_000;
    }
}
