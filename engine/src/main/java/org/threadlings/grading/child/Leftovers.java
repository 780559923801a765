package org.threadlings.grading.child;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.threadlings.sandbox.ProcessTree;

/**
 * What the student's code started and never stopped: non-daemon threads (which would keep a
 * real program from exiting; a forgotten {@code shutdown()} of an executor is the usual cause)
 * and child processes (which would outlive it).
 */
final class Leftovers {

    private static final long GRACE_MILLIS = 300;
    private static final long IDLE_LOOK_MILLIS = 50;
    private static final long IDLE_CPU_NANOS = 1_000_000;
    private static final List<String> JDK_CLASSES = List.of("java.", "jdk.", "sun.");
    /** The class of the JDK's own system threads (InnocuousThread): no user code can create one. */
    private static final String JDK_SYSTEM_THREAD = "jdk.internal.misc.InnocuousThread";

    private final Set<Thread> baseline;

    /** Remembers the threads that exist before any check runs: they are not leftovers. */
    Leftovers() {
        baseline = Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    /** Non-daemon threads started since, still alive after a short grace period. */
    List<String> threads() {
        long deadline = System.nanoTime() + GRACE_MILLIS * 1_000_000;
        List<Thread> alive = alive();
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                break;
            }
            alive = alive();
        }
        List<String> described = new ArrayList<>();
        for (Thread t : alive) {
            StackTraceElement[] stack = t.getStackTrace();
            String where = stack.length == 0 ? "" : " in " + stack[0].getClassName().substring(
                    stack[0].getClassName().lastIndexOf('.') + 1) + "." + stack[0].getMethodName();
            described.add("\"" + t.getName() + "\" (" + t.getState() + where + ")");
        }
        return described;
    }

    /**
     * Whether another job can run in this JVM without sharing its processors or its locks with
     * what this one left: every thread started since has ended (after the same grace), except the
     * JDK's own pool workers sitting idle (the virtual-thread scheduler's carriers, the common
     * pool, an executor nobody shut down). A thread with the job's code on its stack, or one that
     * still uses processor time, may wake at any moment, so it rules the JVM out.
     */
    boolean nothingLeftRunning() {
        long deadline = System.nanoTime() + GRACE_MILLIS * 1_000_000;
        List<Thread> remaining = newThreads();
        while (!remaining.isEmpty() && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return false;
            }
            remaining = newThreads();
        }
        return remaining.stream().allMatch(Leftovers::idleJdkWorker) && usesNoProcessor(remaining);
    }

    private List<Thread> newThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !baseline.contains(t) && t.isAlive() && !t.getName().startsWith("threadlings-"))
                .toList();
    }

    /**
     * A daemon in the JDK's code only: an idle pool worker parked, waiting for work that may never
     * come, or one of the runtime's own system threads, which live as long as the JVM once the first
     * virtual thread needs them (the unblocker, the I/O pollers) and wait in native code, so they
     * read as runnable. {@link #usesNoProcessor} still rules out one that is busy.
     */
    private static boolean idleJdkWorker(Thread thread) {
        Thread.State state = thread.getState();
        boolean parked = state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
        if (!thread.isDaemon() || !parked && !thread.getClass().getName().equals(JDK_SYSTEM_THREAD)) {
            return false;
        }
        StackTraceElement[] stack = thread.getStackTrace();
        return stack.length > 0 && Arrays.stream(stack).allMatch(f -> JDK_CLASSES.stream().anyMatch(f.getClassName()::startsWith));
    }

    /** Whether these threads used no processor time to speak of over a short look. */
    private static boolean usesNoProcessor(List<Thread> threads) {
        if (threads.isEmpty()) {
            return true;
        }
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (!bean.isThreadCpuTimeSupported()) {
            return false;
        }
        long[] before = threads.stream().mapToLong(t -> bean.getThreadCpuTime(t.threadId())).toArray();
        try {
            Thread.sleep(IDLE_LOOK_MILLIS);
        } catch (InterruptedException e) {
            return false;
        }
        for (int i = 0; i < before.length; i++) {
            long after = bean.getThreadCpuTime(threads.get(i).threadId());
            if (after < 0 || before[i] < 0 || after - before[i] > IDLE_CPU_NANOS) {
                return false;
            }
        }
        return true;
    }

    private List<Thread> alive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !baseline.contains(t) && !t.isDaemon() && t.isAlive())
                .filter(t -> !t.getName().startsWith("threadlings-"))
                .collect(Collectors.toList());
    }

    /**
     * Kills every process this JVM started, and every process those started, including the ones
     * that detached from the tree ({@code &}, {@code nohup}, {@code setsid}); returns their
     * command lines.
     */
    List<String> killProcesses() {
        return ProcessTree.ofThisJvm().killMembers();
    }
}
