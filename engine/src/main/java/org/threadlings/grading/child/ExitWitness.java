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
final class ExitWitness extends Thread {

    private static final List<String> EXIT_FRAMES = List.of("java.lang.Shutdown", "java.lang.Runtime", "java.lang.System");

    private final EventSink sink;
    private final RunState state;
    private final Leftovers leftovers;

    ExitWitness(EventSink sink, RunState state, Leftovers leftovers) {
        super("threadlings-exit-witness");
        this.sink = sink;
        this.state = state;
        this.leftovers = leftovers;
    }

    @Override
    public void run() {
        if (state.finished()) {
            return;
        }
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
            List<StackTraceElement> stack = Arrays.asList(entry.getValue());
            boolean exiting = stack.stream().anyMatch(e ->
                    e.getClassName().equals("java.lang.Shutdown") && e.getMethodName().equals("exit"));
            if (exiting) {
                return stack.stream()
                        .dropWhile(e -> !EXIT_FRAMES.contains(e.getClassName()))
                        .dropWhile(e -> EXIT_FRAMES.contains(e.getClassName()))
                        .findFirst()
                        .map(StackTraceElement::toString)
                        .orElse("");
            }
        }
        return "";
    }
}
