package org.threadlings.watch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Records what a watcher reported, and waits for reports to arrive. */
final class Saves implements SaveListener {

    /** A safety net only: reports normally arrive within a fraction of a second. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final List<String> reported = new ArrayList<>();
    private String stopped;

    @Override
    public synchronized void saved(String exerciseId) {
        reported.add(exerciseId);
        notifyAll();
    }

    @Override
    public synchronized void stopped(String reason) {
        stopped = reason;
        notifyAll();
    }

    /** Waits until watching is reported stopped (or patience runs out); the reason, or null. */
    synchronized String awaitStopped() throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (stopped == null && System.nanoTime() < deadline) {
            wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        return stopped;
    }

    /** Waits until the reports satisfy {@code done} (or patience runs out), and returns them. */
    synchronized List<String> awaitUntil(Predicate<List<String>> done) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!done.test(reported)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(reported);
    }

    List<String> awaitCount(int count) throws InterruptedException {
        return awaitUntil(r -> r.size() >= count);
    }

    List<String> awaitReportOf(String exerciseId) throws InterruptedException {
        return awaitUntil(r -> r.contains(exerciseId));
    }
}
