package org.threadlings.grading.child;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.threadlings.diagnosis.ClassInitDeadlock;
import org.threadlings.diagnosis.Deadlock;
import org.threadlings.diagnosis.DeadlockDetector;
import org.threadlings.diagnosis.ThreadActivity;
import org.threadlings.diagnosis.ThreadOrigins;
import org.threadlings.diagnosis.ThreadSnapshot;
import org.threadlings.grading.protocol.ChildEvent;
import org.threadlings.grading.protocol.ChildEvent.StopReason;

/**
 * Ends the run from the inside when it cannot end by itself: at the time limit, or as soon as a
 * deadlock is certain. Either way it first writes down what the threads were doing, because the
 * parent, which kills the JVM if even this fails, can no longer see inside.
 */
final class Watchdog implements Runnable {

    static final int EXIT_TIME_LIMIT = 71;
    static final int EXIT_DEADLOCK = 72;
    static final int EXIT_HOOK_EXIT = 73;

    private static final long TICK_MILLIS = 100;
    private static final long DEADLOCK_SCAN_MILLIS = 1000;
    private static final int ACTIVITY_LINES = 12;
    /** Samples of threads in static initialisers that must agree before a deadlock among them is certain. */
    private static final int CLASS_INIT_SAMPLES = 3;

    private final long deadlineNanos;
    private final Duration limit;
    private final EventSink sink;
    private final RunState state;
    private final Collection<String> focusPackages;
    private final Leftovers leftovers;
    private final Deque<ClassInitDeadlock.Sample> initSamples = new ArrayDeque<>();
    /** What other programs take of the machine from now until the time limit. */
    private final OtherLoad otherLoad = OtherLoad.startNow();

    Watchdog(Duration limit, EventSink sink, RunState state, Collection<String> focusPackages, Leftovers leftovers) {
        this.limit = limit;
        this.deadlineNanos = System.nanoTime() + limit.toNanos();
        this.sink = sink;
        this.state = state;
        this.focusPackages = focusPackages;
        this.leftovers = leftovers;
    }

    /**
     * Starts watching. The thread runs this object as its task, which student code cannot reach:
     * were it a field of a Thread subclass, reflection from any thread could reach the sink.
     */
    void start() {
        Thread thread = new Thread(this, "threadlings-watchdog");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
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
            if (state.handedOver()) {
                return; // the job is over and the JVM takes another, which has a watchdog of its own
            }
            long now = System.nanoTime();
            if (now - deadlineNanos >= 0) {
                timeLimitReached();
            }
            if (state.exitingThreadId() != 0) {
                exitInShutdownHook();
            }
            if (now - nextScan >= 0) {
                // Report only a deadlock seen on two scans in a row: a check waiting through
                // Await reports its own deadlocks sooner, with its own words, and that comes first.
                Optional<Deadlock> found = DeadlockDetector.findNew();
                if (found.isPresent() && previous.isPresent() && found.get().signature().equals(previous.get().signature())) {
                    deadlocked(found.get());
                }
                previous = found;
                sampleClassInit().ifPresent(this::classInitDeadlocked);
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
        ClassInitDeadlock.find(List.copyOf(initSamples)).ifPresent(stuck -> report
                .append("\nThese threads are stuck in static initialisers, each waiting for a class another one is ")
                .append("initialising:\n").append(stuck.describe()));
        List<String> activity = ThreadActivity.describe(snapshot, focusPackages, ACTIVITY_LINES);
        if (!activity.isEmpty()) {
            report.append("\nWhat the threads were doing when time ran out:\n  ")
                    .append(String.join("\n  ", activity));
        }
        OptionalDouble others = otherLoad.cores();
        boolean busy = others.isPresent() && others.getAsDouble() >= OtherLoad.BUSY;
        if (busy) {
            report.append("\nMeanwhile other programs kept ").append(String.format(Locale.ROOT, "%.1f", others.getAsDouble()))
                    .append(" of the machine's ").append(Runtime.getRuntime().availableProcessors())
                    .append(" cores busy, so this is no verdict: on a quiet machine the checks might have finished.");
        }
        stop(busy ? StopReason.TIME_LIMIT_ON_A_BUSY_MACHINE : StopReason.TIME_LIMIT, report.toString(), EXIT_TIME_LIMIT);
    }

    /**
     * While System.exit runs the shutdown hooks, a hook that calls System.exit itself waits for
     * the first exit to finish, which waits for the hook: the JVM would hang until the time limit.
     * Certain once the thread running the hooks waits to join a hook that is inside System.exit.
     */
    private void exitInShutdownHook() {
        ThreadInfo exiting = ManagementFactory.getThreadMXBean().getThreadInfo(state.exitingThreadId());
        LockInfo waitingFor = exiting == null ? null : exiting.getLockInfo();
        if (waitingFor == null) {
            return;
        }
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            Thread hook = entry.getKey();
            if (System.identityHashCode(hook) == waitingFor.getIdentityHashCode() && ExitWitness.inExit(entry.getValue())) {
                String caller = ExitWitness.callerOfExit(entry.getValue());
                stop(StopReason.EXIT_IN_SHUTDOWN_HOOK, "System.exit was called again, inside the shutdown hook \""
                        + hook.getName() + "\"" + (caller.isEmpty() ? "" : " at " + caller) + ", while the JVM was "
                        + "already shutting down. That call can never return: it waits for the shutdown to end, "
                        + "and the shutdown waits for the hook.", EXIT_HOOK_EXIT);
            }
        }
    }

    private Optional<ClassInitDeadlock> sampleClassInit() {
        initSamples.addLast(ClassInitDeadlock.Sample.take());
        if (initSamples.size() > CLASS_INIT_SAMPLES) {
            initSamples.removeFirst();
        }
        return initSamples.size() < CLASS_INIT_SAMPLES ? Optional.empty() : ClassInitDeadlock.find(List.copyOf(initSamples));
    }

    private void classInitDeadlocked(ClassInitDeadlock stuck) {
        String report = "Class initialisation deadlock" + (state.during().isEmpty() ? "" : " " + state.during())
                + ": these threads each run a class's static initialiser and wait for a class that another one "
                + "is initialising, so none can ever continue (the JVM shows them as RUNNABLE, waiting for no lock).\n"
                + stuck.describe()
                + "\nA static initialiser that uses a second class, whose own static initialiser uses the first, "
                + "deadlocks when two threads start them at once. Break the cycle: keep one class's static "
                + "initialiser from touching the other, or set the shared state up in one place.";
        stop(StopReason.DEADLOCK, report, EXIT_DEADLOCK);
    }

    private void deadlocked(Deadlock deadlock) {
        // Threads left running by an earlier check can deadlock while a later one runs: the
        // deadlock belongs to the check that started them.
        Optional<ThreadOrigins.Check> origin = deadlock.startedIn().filter(c -> !c.id().equals(state.currentId()));
        String during = origin.map(c -> "among threads started while running '" + c.name() + "' (found "
                        + (state.during().isEmpty() ? "between checks" : state.during()) + ")")
                .orElse(state.during());
        String report = "Deadlock" + (during.isEmpty() ? "" : " " + during)
                + ": these threads wait for each other and none can ever continue.\n"
                + deadlock.describe()
                + "\nEach thread holds one lock and waits for another that the next thread holds. "
                + "Take locks in one global order, or hold only one at a time."
                + (origin.isPresent() ? " And wait for the threads you start (join, or close the executor) before "
                + "returning, so that their trouble shows in the check that started them." : "");
        stop(StopReason.DEADLOCK, origin.map(ThreadOrigins.Check::id).orElse(state.currentId()), report, EXIT_DEADLOCK);
    }

    private void stop(StopReason reason, String report, int exitCode) {
        stop(reason, state.currentId(), report, exitCode);
    }

    private void stop(StopReason reason, String during, String report, int exitCode) {
        sink.emit(new ChildEvent.Stopped(reason, during, report));
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
