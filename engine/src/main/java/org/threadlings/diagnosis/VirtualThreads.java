package org.threadlings.diagnosis;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Whether virtual threads are active, told from the threads that carry them: the workers of a
 * fork/join pool (the default scheduler of virtual threads is one). Virtual threads that run, or
 * wake from a sleep or a timed wait, use their carriers' processor time; virtual threads stuck in
 * a deadlock use none. The carrier's state says nothing: it reads WAITING even while its virtual
 * thread computes, and an idle carrier shows no virtual thread at all, even if one is about to
 * wake up, so the look is a short window of time, not a moment.
 */
final class VirtualThreads {

    /** Long enough to catch virtual threads that wake every few milliseconds, short enough for a scan. */
    private static final long LOOK_NANOS = 25_000_000;

    private VirtualThreads() {
    }

    static boolean busy(List<ThreadRecord> platform) {
        long[] carriers = platform.stream()
                .filter(t -> t.stack().stream().anyMatch(f -> f.className().equals("jdk.internal.vm.Continuation")
                        || f.className().equals("java.util.concurrent.ForkJoinWorkerThread")))
                .mapToLong(ThreadRecord::id).toArray();
        if (carriers.length == 0) {
            return false;
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (!mx.isThreadCpuTimeSupported() || !mx.isThreadCpuTimeEnabled()) {
            return true; // no way to tell running from blocked: do without the dump
        }
        long[] before = cpu(mx, carriers);
        LockSupport.parkNanos(LOOK_NANOS);
        long[] after = cpu(mx, carriers);
        for (int i = 0; i < carriers.length; i++) {
            if (after[i] != before[i]) {
                return true;
            }
        }
        return false;
    }

    private static long[] cpu(ThreadMXBean mx, long[] ids) {
        long[] times = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            times[i] = mx.getThreadCpuTime(ids[i]);
        }
        return times;
    }
}
