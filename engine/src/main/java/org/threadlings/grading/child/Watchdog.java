package org.threadlings.grading.child;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.threadlings.diagnosis.Deadlock;
import org.threadlings.diagnosis.DeadlockDetector;
import org.threadlings.diagnosis.ThreadActivity;
import org.threadlings.diagnosis.ThreadSnapshot;
import org.threadlings.grading.protocol.ChildEvent;
import org.threadlings.grading.protocol.ChildEvent.StopReason;

/**
 * Ends the run from the inside when it cannot end by itself: at the time limit, or as soon as a
 * deadlock is certain. Either way it first writes down what the threads were doing, because the
 * parent, which kills the JVM if even this fails, can no longer see inside.
 */
final class Watchdog extends Thread {

    static final int EXIT_TIME_LIMIT = 71;
    static final int EXIT_DEADLOCK = 72;

    private static final long TICK_MILLIS = 100;
    private static final long DEADLOCK_SCAN_MILLIS = 1000;
    private static final int ACTIVITY_LINES = 12;

    private final long deadlineNanos;
    private final Duration limit;
    private final EventSink sink;
    private final RunState state;
    private final Collection<String> focusPackages;
    private final Leftovers leftovers;

    Watchdog(Duration limit, EventSink sink, RunState state, Collection<String> focusPackages, Leftovers leftovers) {
        super("threadlings-watchdog");
        setDaemon(true);
        setPriority(MAX_PRIORITY);
        this.limit = limit;
        this.deadlineNanos = System.nanoTime() + limit.toNanos();
        this.sink = sink;
        this.state = state;
        this.focusPackages = focusPackages;
        this.leftovers = leftovers;
    }

    @Override
    public void run() {
        Optional<Deadlock> previous = Optional.empty();
        long nextScan = System.nanoTime() + DEADLOCK_SCAN_MILLIS * 1_000_000;
        while (true) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            if (now - deadlineNanos >= 0) {
                timeLimitReached();
            }
            if (now - nextScan >= 0) {
                // Report only a deadlock seen on two scans in a row: a check waiting through
                // Await reports its own deadlocks sooner, with its own words, and that comes first.
                Optional<Deadlock> found = DeadlockDetector.findNew();
                if (found.isPresent() && previous.isPresent() && found.get().signature().equals(previous.get().signature())) {
                    deadlocked(found.get());
                }
                previous = found;
                nextScan = System.nanoTime() + DEADLOCK_SCAN_MILLIS * 1_000_000;
            }
        }
    }

    private void timeLimitReached() {
        ThreadSnapshot snapshot = ThreadSnapshot.take();
        Optional<Deadlock> deadlock = Deadlock.findAll(snapshot).stream().findFirst();
        StringBuilder report = new StringBuilder("The time limit of " + seconds(limit) + " was reached"
                + (state.during().isEmpty() ? "" : " " + state.during()) + ".");
        if (deadlock.isPresent()) {
            report.append("\nThese threads are deadlocked, each waiting for a lock the next one holds:\n")
                    .append(deadlock.get().describe());
        }
        List<String> activity = ThreadActivity.describe(snapshot, focusPackages, ACTIVITY_LINES);
        if (!activity.isEmpty()) {
            report.append("\nWhat the threads were doing when time ran out:\n  ")
                    .append(String.join("\n  ", activity));
        }
        stop(StopReason.TIME_LIMIT, report.toString(), EXIT_TIME_LIMIT);
    }

    private void deadlocked(Deadlock deadlock) {
        String report = "Deadlock" + (state.during().isEmpty() ? "" : " " + state.during())
                + ": these threads wait for each other and none can ever continue.\n"
                + deadlock.describe()
                + "\nEach thread holds one lock and waits for another that the next thread holds. "
                + "Take locks in one global order, or hold only one at a time.";
        stop(StopReason.DEADLOCK, report, EXIT_DEADLOCK);
    }

    private void stop(StopReason reason, String report, int exitCode) {
        sink.emit(new ChildEvent.Stopped(reason, state.currentId(), report));
        List<String> processes = leftovers.killProcesses();
        if (!processes.isEmpty()) { // named in the verdict, as they would be had the run finished
            sink.emit(new ChildEvent.Leftovers(List.of(), processes));
        }
        Runtime.getRuntime().halt(exitCode);
    }

    static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
