package forkjoin.checks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Whether a pool had the cores it asked for, round by round, read from its workers' processor
 * time rather than the clock. A round is crowded when at least two workers each did a real share
 * of the work (a quarter or more) and yet all of them together used less than
 * {@link #CROWDED_BELOW} cores: the work was spread, and another program held the other core.
 * Serial code is never crowded: one worker does nearly everything.
 */
final class PoolCores {

    static final double CROWDED_BELOW = 1.3;
    private static final double REAL_SHARE = 0.25;
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private final List<Thread> workers = new CopyOnWriteArrayList<>();
    private int rounds;
    private int crowded;
    private double mostCores;

    /** A pool of {@code parallelism} workers whose processor time this can read. */
    ForkJoinPool pool(int parallelism) {
        return new ForkJoinPool(parallelism, p -> {
            ForkJoinWorkerThread worker = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            workers.add(worker);
            return worker;
        }, null, false);
    }

    /** Runs one round on the pool, and counts whether it was crowded. */
    <T> T measure(Callable<T> round) throws Exception {
        Map<Thread, Long> before = cpu();
        long start = System.nanoTime();
        T result = round.call();
        long wall = System.nanoTime() - start;
        Map<Thread, Long> after = cpu();
        long total = 0;
        List<Long> spent = new ArrayList<>();
        for (Map.Entry<Thread, Long> e : after.entrySet()) {
            long used = Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0L));
            spent.add(used);
            total += used;
        }
        long share = (long) (total * REAL_SHARE);
        long sharing = spent.stream().filter(used -> used > 0 && used >= share).count();
        double cores = (double) total / Math.max(1, wall);
        rounds++;
        mostCores = Math.max(mostCores, cores);
        if (sharing >= 2 && cores < CROWDED_BELOW) {
            crowded++;
        }
        return result;
    }

    /** Every round measured was crowded: the machine's doing, not the code's. */
    boolean alwaysCrowded() {
        return rounds > 0 && crowded == rounds;
    }

    /** What the rounds showed, for a note under the check's result. */
    String summary() {
        return String.format(Locale.ROOT, "your task's pool used at most %.2f cores in its %d runs; %d of them were "
                + "crowded (work spread over its workers, under %.1f cores in all)", mostCores, rounds, crowded,
                CROWDED_BELOW);
    }

    /** What the rounds showed, for the message. */
    String seen() {
        return String.format(Locale.ROOT, "in each of %d timed runs of your task its work was shared by the pool's "
                + "workers, yet together they used at most %.2f cores", rounds, mostCores);
    }

    private Map<Thread, Long> cpu() {
        Map<Thread, Long> times = new HashMap<>();
        for (Thread worker : workers) {
            long nanos = MX.getThreadCpuTime(worker.threadId());
            if (nanos >= 0) {
                times.put(worker, nanos);
            }
        }
        return times;
    }
}
