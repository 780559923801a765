package bottleneck.checks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many cores a parallel reference really had: the CPU time its threads used, divided by the
 * wall time of the run. Two threads that each ran 80 % of the run on 2 cores ran side by side at
 * least 60 % of it. On a machine crowded with other programs' threads, a two-thread program can
 * look faster than one thread only because the scheduler gives it two shares of the same busy
 * cores; its threads then take turns, and contention between them never shows. Only rounds in
 * which the reference really held two cores say anything about running in parallel.
 */
final class CpuGauge {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final LongAdder cpuNanos = new LongAdder();
    private final long start = System.nanoTime();

    /** Call at the start of a worker's body; pass the result to {@link #workerDone(long)} at its end. */
    static long workerStart() {
        return THREADS.getCurrentThreadCpuTime();
    }

    void workerDone(long cpuAtStart) {
        cpuNanos.add(THREADS.getCurrentThreadCpuTime() - cpuAtStart);
    }

    /** CPU time of the workers over wall time since this gauge was made: 2.0 means two full cores. */
    double cores() {
        return (double) cpuNanos.sum() / Math.max(1, System.nanoTime() - start);
    }
}
