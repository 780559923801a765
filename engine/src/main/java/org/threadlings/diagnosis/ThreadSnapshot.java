package org.threadlings.diagnosis;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every thread of this JVM at one moment — platform threads from {@link ThreadMXBean}, virtual
 * threads from the JDK's JSON thread dump, which the MXBean does not see — with the locks each
 * one holds and waits for. Not atomic: two threads may be captured a few microseconds apart, so
 * callers confirm anything they conclude with a second snapshot.
 */
public record ThreadSnapshot(List<ThreadRecord> threads) {

    public ThreadSnapshot {
        threads = List.copyOf(threads);
    }

    public static ThreadSnapshot take() {
        Map<Long, ThreadRecord> byId = new LinkedHashMap<>();
        List<ThreadRecord> platform = platformThreads();
        for (ThreadRecord thread : platform) {
            byId.put(thread.id(), thread);
        }
        // JDK 25's JSON thread dump can crash the JVM (SIGSEGV in its virtual thread snapshot)
        // when it meets virtual threads busy on their carriers: seen with virtual threads that
        // take and release locks by the thousand. Virtual threads stuck in a deadlock are parked
        // (or, pinned, blocked on a carrier that uses no processor time), so the dump is taken
        // only while no carrier is running, and a deadlock is still found.
        List<ThreadRecord> dumps = VirtualThreads.busy(platform) ? List.of() : VirtualThreadDump.take();
        for (ThreadRecord dumped : dumps) {
            if (dumped.virtual()) {
                byId.putIfAbsent(dumped.id(), dumped);
            } else {
                byId.computeIfPresent(dumped.id(), (id, known) -> blockedAsDumped(known, dumped));
            }
        }
        return new ThreadSnapshot(ownersResolved(new ArrayList<>(byId.values())));
    }

    public Optional<ThreadRecord> thread(long id) {
        return threads.stream().filter(t -> t.id() == id).findFirst();
    }

    private static List<ThreadRecord> platformThreads() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        ThreadInfo[] infos = mx.dumpAllThreads(mx.isObjectMonitorUsageSupported(), mx.isSynchronizerUsageSupported());
        List<ThreadRecord> result = new ArrayList<>();
        for (ThreadInfo info : infos) {
            if (info == null) {
                continue;
            }
            List<Lock> held = new ArrayList<>();
            Arrays.stream(info.getLockedMonitors()).map(ThreadSnapshot::lock).forEach(held::add);
            Arrays.stream(info.getLockedSynchronizers()).map(ThreadSnapshot::lock).forEach(held::add);
            Lock waiting = waitsForLock(info) ? lock(info.getLockInfo()) : null;
            result.add(new ThreadRecord(info.getThreadId(), info.getThreadName(), false, info.isDaemon(),
                    info.getThreadState().name(),
                    Arrays.stream(info.getStackTrace()).map(Frame::of).toList(),
                    waiting, waiting == null ? -1 : info.getLockOwnerId(), held));
        }
        return result;
    }

    /**
     * The MXBean shows a platform thread blocked on a monitor that a virtual thread holds as
     * RUNNABLE and waiting for nothing; the JSON dump names the monitor, so take it from there.
     * Only then: the dump comes a moment later, and a thread the MXBean saw parked or sleeping
     * may since have moved on to a monitor that, in the MXBean's older view, it held itself.
     */
    private static ThreadRecord blockedAsDumped(ThreadRecord platform, ThreadRecord dumped) {
        if (platform.waitingFor() != null || !platform.state().equals("RUNNABLE") || dumped.waitingFor() == null
                || !dumped.state().equals("BLOCKED")) {
            return platform;
        }
        return new ThreadRecord(platform.id(), platform.name(), false, platform.daemon(), dumped.state(),
                platform.stack(), dumped.waitingFor(), -1, platform.held());
    }

    /** Object.wait() also reports a lock, but waiting for a notify is not waiting for an owner. */
    private static boolean waitsForLock(ThreadInfo info) {
        if (info.getLockInfo() == null) {
            return false;
        }
        return info.getThreadState() == Thread.State.BLOCKED || info.getLockOwnerId() != -1;
    }

    private static Lock lock(LockInfo info) {
        return new Lock(info.getClassName() + "@" + Integer.toHexString(info.getIdentityHashCode()));
    }

    /**
     * Fills in owners the sources left open: a virtual thread blocked on a monitor names the
     * monitor but not its owner, so look the monitor up among the locks each thread holds. The
     * JSON dump does not always say which monitor a thread in {@code wait()} has let go of, and
     * then lists it as still owned; when another thread also claims it, that one is the owner.
     */
    static List<ThreadRecord> ownersResolved(List<ThreadRecord> threads) {
        Map<Lock, ThreadRecord> claimants = new LinkedHashMap<>();
        for (ThreadRecord t : threads) {
            for (Lock lock : t.held()) {
                claimants.merge(lock, t, (first, other) -> inWait(first) && !inWait(other) ? other : first);
            }
        }
        Map<Lock, Long> holders = new LinkedHashMap<>();
        claimants.forEach((lock, t) -> holders.put(lock, t.id()));
        holders.putAll(SynchronizerOwners.find());
        List<ThreadRecord> resolved = new ArrayList<>(threads.size());
        for (ThreadRecord t : threads) {
            if (t.waitingFor() != null && t.owner() == -1 && holders.containsKey(t.waitingFor())) {
                resolved.add(new ThreadRecord(t.id(), t.name(), t.virtual(), t.daemon(), t.state(), t.stack(),
                        t.waitingFor(), holders.get(t.waitingFor()), t.held()));
            } else {
                resolved.add(t);
            }
        }
        return resolved;
    }

    private static boolean inWait(ThreadRecord t) {
        if (t.stack().isEmpty()) {
            return false;
        }
        Frame top = t.stack().get(0);
        return top.className().equals("java.lang.Object") && top.methodName().startsWith("wait");
    }
}
