package org.threadlings.grading.child;

import java.util.ArrayList;
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
     * Whether every thread started since has ended, daemons included (after the same grace): only
     * then can another job run in this JVM without sharing its processors or its locks.
     */
    boolean nothingLeftRunning() {
        long deadline = System.nanoTime() + GRACE_MILLIS * 1_000_000;
        while (anyNewThread()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return false;
            }
        }
        return true;
    }

    private boolean anyNewThread() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> !baseline.contains(t) && t.isAlive() && !t.getName().startsWith("threadlings-"));
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
