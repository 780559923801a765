package org.threadlings.grading.child;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.threadlings.grading.protocol.ChildEvent;
import org.threadlings.grading.protocol.ChildEvent.StopReason;

/**
 * Runs when something calls {@code System.exit} (the grading JVM itself never exits that way: it
 * halts). Since JDK 24 nothing can refuse an exit, so this records who asked for it, while the
 * caller is still on its stack, and cleans up the processes the student started.
 */
final class ExitWitness implements Runnable {

    private static final List<String> EXIT_FRAMES = List.of("java.lang.Shutdown", "java.lang.Runtime", "java.lang.System");

    /** The job being run: its sink and state, set together. */
    private record Job(EventSink sink, RunState state) {
    }

    private final Leftovers leftovers;
    private volatile Job job;

    ExitWitness(Leftovers leftovers) {
        this.leftovers = leftovers;
    }

    /** From now on an exit is reported to this job. A JVM that grades several jobs has one witness. */
    void watch(EventSink sink, RunState state) {
        job = new Job(sink, state);
    }

    /** Registers the witness; its hook thread's task is out of reach of student code, as the watchdog's is. */
    void register() {
        Runtime.getRuntime().addShutdownHook(new Thread(this, "threadlings-exit-witness"));
    }

    @Override
    public void run() {
        Job current = job;
        if (current == null || current.state().finished()) {
            return;
        }
        EventSink sink = current.sink();
        RunState state = current.state();
        state.exitBegan(exitingThread());
        String caller = exitCaller();
        if (caller.startsWith("java.lang.Terminator")) {
            // Not the student's code: a signal, such as Ctrl-C in the terminal that started the grading.
            sink.emit(new ChildEvent.Stopped(StopReason.SIGNAL, state.currentId(),
                    "The checks were stopped by a signal (Ctrl-C, or the system)"
                            + (state.during().isEmpty() ? "" : " " + state.during()) + "."));
        } else {
            sink.emit(new ChildEvent.Stopped(StopReason.SYSTEM_EXIT, state.currentId(),
                    "System.exit was called" + (caller.isEmpty() ? "" : " at " + caller)
                            + (state.during().isEmpty() ? "" : " " + state.during())
                            + ". That ends the whole JVM, checks included."));
        }
        List<String> processes = leftovers.killProcesses();
        if (!processes.isEmpty()) {
            sink.emit(new ChildEvent.Leftovers(List.of(), processes));
        }
    }

    /** The first frame below System.exit/Runtime.exit on the exiting thread's stack. */
    private static String exitCaller() {
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            if (runsHooks(entry.getValue())) {
                return callerOfExit(entry.getValue());
            }
        }
        return "";
    }

    /** The id of the thread that started the shutdown and now runs the hooks, or 0. */
    private static long exitingThread() {
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            if (runsHooks(entry.getValue())) {
                return entry.getKey().threadId();
            }
        }
        return 0;
    }

    /**
     * Whether this stack is the one running the shutdown hooks. A second caller of System.exit,
     * such as a hook, also has Shutdown.exit on its stack, but waits at its top instead.
     */
    private static boolean runsHooks(StackTraceElement[] stack) {
        return Arrays.stream(stack).anyMatch(e -> e.getClassName().equals("java.lang.Shutdown")
                && e.getMethodName().equals("runHooks"));
    }

    /** Whether this thread is inside System.exit or Runtime.exit. */
    static boolean inExit(StackTraceElement[] stack) {
        return Arrays.stream(stack).anyMatch(e ->
                e.getClassName().equals("java.lang.Shutdown") && e.getMethodName().equals("exit"));
    }

    /** The first frame below System.exit/Runtime.exit, or empty. */
    static String callerOfExit(StackTraceElement[] stack) {
        return Arrays.stream(stack)
                .dropWhile(e -> !EXIT_FRAMES.contains(e.getClassName()))
                .dropWhile(e -> EXIT_FRAMES.contains(e.getClassName()))
                .findFirst()
                .map(StackTraceElement::toString)
                .orElse("");
    }
}
