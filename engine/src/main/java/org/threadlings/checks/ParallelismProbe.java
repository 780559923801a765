package org.threadlings.checks;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.opentest4j.AssertionFailedError;

/**
 * Proves parallelism without a clock: wrap the tasks handed to the student's code, and the probe
 * counts the distinct threads that ran them and the most that were in flight at once. Each task
 * waits briefly at a rendezvous until {@code expected} tasks are in flight, so tasks that can run
 * together do meet, however fast they are; tasks run one at a time just wait out the patience.
 * A single-thread executor, or a caller that calls {@code get()} right after each
 * {@code submit()}, shows a peak of 1 on any machine, busy or not.
 */
public final class ParallelismProbe {

    private final int expected;
    private final Duration patience;
    /** Tasks waited out their patience with no other in flight this many times: later ones do not wait. */
    private final int giveUpAfter;
    private final AtomicInteger aloneTimeouts = new AtomicInteger();
    private final Set<Long> threadIds = ConcurrentHashMap.newKeySet();
    private final Set<String> threadNames = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger tasksRun = new AtomicInteger();
    private final Thread creator = Thread.currentThread();
    private final Object rendezvous = new Object();
    private volatile boolean creatorRanTasks;

    private ParallelismProbe(int expected, Duration patience, int giveUpAfter) {
        this.expected = expected;
        this.patience = patience;
        this.giveUpAfter = giveUpAfter;
    }

    /** A probe whose tasks wait up to 200 ms for {@code expected} tasks to be in flight together. */
    public static ParallelismProbe expecting(int expected) {
        return new ParallelismProbe(expected, Duration.ofMillis(200), Integer.MAX_VALUE);
    }

    public ParallelismProbe patience(Duration wait) {
        return new ParallelismProbe(expected, wait, giveUpAfter);
    }

    /**
     * Once {@code times} tasks have each waited out the whole patience with no other task ever in
     * flight, the tasks after them no longer wait: tasks run one at a time have shown it, and
     * waiting for each of them would only make the check slow (12 tasks at 500 ms are 6 s). The
     * peak is still recorded, so tasks that do meet later still count.
     */
    public ParallelismProbe giveUpAfter(int times) {
        return new ParallelismProbe(expected, patience, times);
    }

    public <T> Callable<T> wrap(Callable<T> task) {
        return () -> {
            enter();
            try {
                return task.call();
            } finally {
                inFlight.decrementAndGet();
            }
        };
    }

    public Runnable wrap(Runnable task) {
        return () -> {
            enter();
            try {
                task.run();
            } finally {
                inFlight.decrementAndGet();
            }
        };
    }

    private void enter() {
        Thread current = Thread.currentThread();
        threadIds.add(current.threadId());
        threadNames.add(current.getName());
        if (current == creator) {
            creatorRanTasks = true;
        }
        tasksRun.incrementAndGet();
        int now = inFlight.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        Duration wait = aloneTimeouts.get() >= giveUpAfter ? Duration.ZERO : patience;
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (rendezvous) {
            rendezvous.notifyAll();
            long left;
            while (peak.get() < expected && (left = deadline - System.nanoTime()) > 0) {
                try {
                    rendezvous.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (peak.get() < 2) {
                aloneTimeouts.incrementAndGet();
            }
        }
    }

    public int distinctThreads() {
        return threadIds.size();
    }

    public int peakInFlight() {
        return peak.get();
    }

    public int tasksRun() {
        return tasksRun.get();
    }

    /** Whether the thread that created the probe (the check, calling the student) ran tasks itself. */
    public boolean callerRanTasks() {
        return creatorRanTasks;
    }

    /**
     * Fails unless at least {@code atLeast} tasks were in flight at once.
     *
     * @param advice the next step for the student, added to the failure message
     */
    public void assertConcurrent(int atLeast, String advice) {
        CheckReport.note(Words.plural(distinctThreads(), "thread", "threads") + " ran "
                + Words.plural(tasksRun(), "task", "tasks") + "; at most " + peakInFlight() + " at once");
        if (peakInFlight() < atLeast) {
            String who = distinctThreads() == 1
                    ? "all " + Words.plural(tasksRun(), "task", "tasks") + " ran on one thread ("
                    + threadNames.iterator().next() + ")"
                    : Words.plural(tasksRun(), "task", "tasks") + " ran on " + distinctThreads()
                    + " threads, but never more than " + peakInFlight() + " at the same time";
            throw new AssertionFailedError("Expected at least " + atLeast + " tasks running at the same time; "
                    + who + ". " + advice);
        }
    }
}
