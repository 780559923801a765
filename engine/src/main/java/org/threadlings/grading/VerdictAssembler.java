package org.threadlings.grading;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threadlings.grading.protocol.ChildEvent;
import org.threadlings.grading.protocol.ChildEvent.StopReason;
import org.threadlings.verdict.CapturedOutput;
import org.threadlings.verdict.CheckResult;
import org.threadlings.verdict.CheckStatus;
import org.threadlings.verdict.ExerciseStatus;
import org.threadlings.verdict.Outcome;
import org.threadlings.verdict.Verdict;

/**
 * Turns what a grading JVM reported, and how it ended, into a verdict: one result per planned
 * check, an outcome, and a message that explains anything out of the ordinary.
 */
final class VerdictAssembler {

    /** How the child JVM's life ended, as the parent saw it. */
    enum Ending { EXITED, TIME_LIMIT_KILLED, FLOOD_KILLED, CANCELLED }

    private VerdictAssembler() {
    }

    /** What the JVM prints as it exits on -XX:+ExitOnOutOfMemoryError: read for the reason only. */
    static final String OUT_OF_MEMORY_MARK = "Terminating due to java.lang.OutOfMemoryError";
    /**
     * The exit status of -XX:+ExitOnOutOfMemoryError. The verdict rests on it, not on the printed
     * line, which any code can print.
     */
    static final int EXIT_OUT_OF_MEMORY = 3;

    static Verdict assemble(String exerciseId, List<ChildEvent> events, Ending ending, int exitCode,
                            Duration timeLimit, CapturedOutput output, Duration elapsed) {
        List<ChildEvent.PlannedCheck> planned = new ArrayList<>();
        Map<String, CheckResult> finished = new LinkedHashMap<>();
        List<ChildEvent.ThreadDied> deaths = new ArrayList<>();
        ChildEvent.Stopped stopped = null;
        ChildEvent.Leftovers leftovers = null;
        List<String> tampering = new ArrayList<>();
        List<String> started = new ArrayList<>();
        boolean done = false;
        for (ChildEvent event : events) {
            switch (event) {
                case ChildEvent.Planned p -> planned.addAll(p.checks());
                case ChildEvent.Finished f -> finished.putIfAbsent(f.result().id(), f.result());
                case ChildEvent.ThreadDied d -> deaths.add(d);
                case ChildEvent.Stopped s -> stopped = stopped == null || supersedes(s, stopped) ? s : stopped;
                case ChildEvent.Leftovers l -> leftovers = l;
                case ChildEvent.Done d -> done = true;
                case ChildEvent.Tampered t -> tampering.add(t.seen());
                case ChildEvent.Started s -> started.add(s.id());
            }
        }
        // The grader reports every check it starts before it reports the end of the run, through
        // one queue in order: a result missing from a finished run was taken out of that queue.
        for (String id : started) {
            if (done && !finished.containsKey(id)) {
                tampering.add("the result of check '" + nameOf(id, planned) + "' never arrived, though the run "
                        + "reported its end");
            }
        }
        if (!tampering.isEmpty()) {
            return tampered(exerciseId, tampering, planned, finished, output, elapsed);
        }
        Outcome outcome = outcome(ending, stopped, deaths, done, exitCode);
        String message = message(outcome, stopped, exitCode, timeLimit, output, runningWhenItEnded(events, planned));

        List<CheckResult> checks = new ArrayList<>();
        for (CheckResult result : finished.values()) {
            if (planned.stream().noneMatch(p -> p.id().equals(result.id()))) {
                checks.add(withDeaths(result, deaths)); // reported without being planned: a class that failed to load
            }
        }
        String runningAtEnd = currentCheck(events).orElse("");
        // Out of time while other programs held the cores: slow code and a crowded machine look
        // the same from inside, so there is no verdict (the report says what the threads did).
        boolean busy = onABusyMachine(stopped);
        String stoppedDuring = stopped == null ? runningAtEnd : stopped.during();
        // A deadlock among threads that an earlier check started and left running belongs to
        // that check, even though it ended (perhaps passing) before the deadlock was found.
        boolean blamesEarlierCheck = outcome == Outcome.DEADLOCK && finished.containsKey(stoppedDuring);
        for (ChildEvent.PlannedCheck check : planned) {
            CheckResult result = finished.get(check.id());
            if (blamesEarlierCheck && check.id().equals(stoppedDuring)) {
                String before = result.status() == CheckStatus.PASS ? "" : result.message() + "\n";
                checks.add(new CheckResult(check.id(), check.name(), CheckStatus.FAIL,
                        before + "threads it started deadlocked after it returned (see above)", result.measurement(),
                        withDeaths(result, deaths).details(), result.millis()));
            } else if (result != null) {
                checks.add(withDeaths(result, deaths));
            } else if (blamesEarlierCheck && check.id().equals(runningAtEnd)) {
                checks.add(new CheckResult(check.id(), check.name(), CheckStatus.ERROR,
                        "cut short: the run was stopped by a deadlock among threads an earlier check started",
                        null, deathLines(check.id(), deaths), 0));
            } else if (check.id().equals(stoppedDuring)) {
                checks.add(new CheckResult(check.id(), check.name(), busy ? CheckStatus.INCONCLUSIVE : statusWhenCut(outcome),
                        headline(outcome, timeLimit), null, deathLines(check.id(), deaths), 0));
            } else {
                checks.add(new CheckResult(check.id(), check.name(), CheckStatus.ERROR,
                        "not run: the run ended before this check (" + outcome.label() + ")", null, List.of(), 0));
            }
        }
        if (leftovers != null) {
            checks.add(leftoverResult(leftovers));
        }
        if (outcome == Outcome.COMPLETED && checks.isEmpty()) {
            message = "No checks ran: the check classes contain no tests. This is a mistake in the course, "
                    + "not in your code; please report it.";
            return new Verdict(exerciseId, ExerciseStatus.ERROR, Outcome.CRASHED, message, checks, List.of(), output, elapsed);
        }
        ExerciseStatus status = busy ? ExerciseStatus.INCONCLUSIVE : status(outcome, checks);
        if (status == ExerciseStatus.INCONCLUSIVE && message.isEmpty()) {
            message = notProven(checks);
        }
        return new Verdict(exerciseId, status, outcome, message, checks, List.of(), output, elapsed);
    }

    /**
     * A run whose reporting was interfered with. Only the grader's own sealed results are shown,
     * next to one failed entry that says what was seen, so that every report (JUnit XML too)
     * shows the run as not passed.
     */
    private static Verdict tampered(String exerciseId, List<String> seen, List<ChildEvent.PlannedCheck> planned,
                                    Map<String, CheckResult> finished, CapturedOutput output, Duration elapsed) {
        String message = "This run does not count: something other than the grader wrote to its results.\n  - "
                + String.join("\n  - ", seen)
                + "\nOnly results the grader seals itself are believed, and the lines above were not its own. "
                + "Next: remove any code that writes files, reflects on the grader's objects or exits the JVM, and "
                + "check again; the checks below are the grader's own results.";
        List<CheckResult> checks = new ArrayList<>();
        checks.add(new CheckResult("tampered", "only the grader reports results", CheckStatus.ERROR,
                "results were forged or the grader's reporting was interfered with: " + seen.get(0)
                        + (seen.size() > 1 ? " (and " + (seen.size() - 1) + " more)" : ""), null, List.of(), 0));
        for (ChildEvent.PlannedCheck check : planned) {
            CheckResult result = finished.get(check.id());
            checks.add(result != null ? result : new CheckResult(check.id(), check.name(), CheckStatus.ERROR,
                    "no result from the grader", null, List.of(), 0));
        }
        return new Verdict(exerciseId, ExerciseStatus.TAMPERED, Outcome.TAMPERED, message, checks, List.of(), output,
                elapsed);
    }

    private static Outcome outcome(Ending ending, ChildEvent.Stopped stopped, List<ChildEvent.ThreadDied> deaths,
                                   boolean done, int exitCode) {
        if (ending == Ending.CANCELLED) {
            return Outcome.CANCELLED;
        }
        if (ending == Ending.FLOOD_KILLED) {
            return Outcome.OUTPUT_LIMIT;
        }
        if (stopped != null) {
            return switch (stopped.reason()) {
                case TIME_LIMIT, TIME_LIMIT_ON_A_BUSY_MACHINE -> Outcome.TIME_LIMIT;
                case DEADLOCK -> Outcome.DEADLOCK;
                case SYSTEM_EXIT, EXIT_IN_SHUTDOWN_HOOK -> Outcome.SYSTEM_EXIT;
                case SIGNAL -> Outcome.CANCELLED;
            };
        }
        if (!done && ending == Ending.EXITED && exitCode == EXIT_OUT_OF_MEMORY) {
            return Outcome.OUT_OF_MEMORY;
        }
        if (ending == Ending.TIME_LIMIT_KILLED) {
            return Outcome.TIME_LIMIT;
        }
        return done ? Outcome.COMPLETED : Outcome.CRASHED;
    }

    /** Whether the run ran out of time while other programs held the cores. */
    private static boolean onABusyMachine(ChildEvent.Stopped stopped) {
        return stopped != null && stopped.reason() == StopReason.TIME_LIMIT_ON_A_BUSY_MACHINE;
    }

    /** A hook's exit explains the first exit's hang better than the first report does. */
    private static boolean supersedes(ChildEvent.Stopped later, ChildEvent.Stopped first) {
        return later.reason() == StopReason.EXIT_IN_SHUTDOWN_HOOK
                && (first.reason() == StopReason.SYSTEM_EXIT || first.reason() == StopReason.SIGNAL);
    }

    private static ExerciseStatus status(Outcome outcome, List<CheckResult> checks) {
        return switch (outcome) {
            case COMPLETED -> checks.stream().anyMatch(c -> c.status() == CheckStatus.FAIL || c.status() == CheckStatus.ERROR)
                    ? ExerciseStatus.FAIL
                    : checks.stream().anyMatch(c -> c.status() == CheckStatus.INCONCLUSIVE)
                    ? ExerciseStatus.INCONCLUSIVE : ExerciseStatus.PASS;
            case TIME_LIMIT -> ExerciseStatus.TIMEOUT;
            case DEADLOCK -> ExerciseStatus.FAIL;
            default -> ExerciseStatus.ERROR;
        };
    }

    /** Why an exercise whose checks did not fail is still not done, and what to do about it. */
    static String notProven(List<CheckResult> checks) {
        long open = checks.stream().filter(c -> c.status() == CheckStatus.INCONCLUSIVE).count();
        int cores = Runtime.getRuntime().availableProcessors();
        String what = open == 1 ? "one check" : open + " checks";
        return "Not done yet: nothing failed, but " + what + " could not reach a verdict, so nothing is proven. "
                + (cores < 2
                ? "Threadlings got a single processor here (availableProcessors() = 1: a one-core machine, taskset "
                        + "or a container limit); this exercise needs two cores to tell right from wrong. Check it "
                        + "where it gets two."
                : "The machine was too busy to tell. Close other busy programs and check again.");
    }

    private static CheckStatus statusWhenCut(Outcome outcome) {
        return outcome == Outcome.TIME_LIMIT || outcome == Outcome.DEADLOCK ? CheckStatus.FAIL : CheckStatus.ERROR;
    }

    private static String headline(Outcome outcome, Duration limit) {
        return switch (outcome) {
            case TIME_LIMIT -> "did not finish within the time limit of " + seconds(limit);
            case DEADLOCK -> "deadlocked";
            case SYSTEM_EXIT -> "System.exit was called";
            case OUT_OF_MEMORY -> "ran out of memory";
            case OUTPUT_LIMIT -> "printed too much output";
            case CANCELLED -> "cancelled";
            default -> "the JVM running the checks stopped unexpectedly";
        };
    }

    private static String message(Outcome outcome, ChildEvent.Stopped stopped, int exitCode, Duration limit,
                                  CapturedOutput output, String during) {
        String report = stopped == null ? "" : stopped.report();
        return switch (outcome) {
            case COMPLETED -> "";
            case TIME_LIMIT -> (report.isEmpty()
                    ? "The time limit of " + seconds(limit) + " was reached, and the JVM running the checks did not "
                    + "answer any more, so it was stopped. (Code that allocates memory without end can keep the "
                    + "garbage collector too busy to do anything else.)"
                    : report)
                    + (onABusyMachine(stopped)
                    ? "\nNext: close other busy programs and check again. If it runs out of time on a quiet machine "
                    + "too, look for a loop that never ends or a thread that waits for something that never happens."
                    : "\nNext: look for a loop whose condition never becomes false, or a thread that waits for "
                    + "something that never happens (a join or get on work that never ends, a lock never released).");
            case DEADLOCK -> report;
            case SYSTEM_EXIT -> report
                    + (stopped.reason() == StopReason.EXIT_IN_SHUTDOWN_HOOK ? "" : " (exit status " + exitCode + ")")
                    + "\nNext: exercise code should return, or throw an exception, rather than call System.exit"
                    + (stopped.reason() == StopReason.EXIT_IN_SHUTDOWN_HOOK ? "; and a shutdown hook must never call it." : ".");
            case OUT_OF_MEMORY -> outOfMemory(output);
            case OUTPUT_LIMIT -> "Your code printed more than " + (output.totalBytes() / (1024 * 1024))
                    + " MB, so the run was stopped. Is there a print inside a loop that runs millions of times? "
                    + "Remove it, or print a summary after the loop.";
            case CANCELLED -> report.isEmpty() ? "Grading was cancelled." : report;
            default -> crashed(exitCode, output, during);
        };
    }

    /**
     * The JVM ended without the end-of-run event and without reporting System.exit, a time limit
     * or a deadlock. A JVM that exits with status 0 that way was halted: System.exit is witnessed
     * by a shutdown hook, and halting is the one way to end it that runs no hook.
     */
    private static String crashed(int exitCode, CapturedOutput output, String during) {
        String shown = output.isEmpty() ? "" : " Its last output is shown below.";
        String when = during.isEmpty() ? "" : " " + during;
        if (exitCode == 0) {
            return "The JVM running the checks ended" + when + ", before the checks finished, with exit status 0 "
                    + "and without System.exit: the code called Runtime.getRuntime().halt(0), which ends the JVM "
                    + "at once, checks included." + shown
                    + "\nNext: exercise code should return, or throw an exception, rather than halt the JVM.";
        }
        if (exitCode > 128) {
            return "The JVM running the checks was killed by signal " + (exitCode - 128) + when + " (exit status "
                    + exitCode + ")." + shown + "\nNext: if the run was not stopped on purpose, check the machine's "
                    + "memory (the system may have ended the process) and try again.";
        }
        return "The JVM running the checks stopped unexpectedly" + when + " (exit status " + exitCode + "), without "
                + "System.exit: the code called Runtime.getRuntime().halt(" + exitCode + "), or the JVM failed."
                + shown + "\nNext: exercise code should return, or throw an exception, rather than end the JVM.";
    }

    private static String nameOf(String id, List<ChildEvent.PlannedCheck> planned) {
        return planned.stream().filter(p -> p.id().equals(id)).map(ChildEvent.PlannedCheck::name).findFirst().orElse(id);
    }

    /** "while running 'name'" for the check that had started and not finished, or empty. */
    private static String runningWhenItEnded(List<ChildEvent> events, List<ChildEvent.PlannedCheck> planned) {
        return currentCheck(events)
                .flatMap(id -> planned.stream().filter(p -> p.id().equals(id)).findFirst())
                .map(p -> "while running '" + p.name() + "'")
                .orElse("");
    }

    private static String outOfMemory(CapturedOutput output) {
        String text = output.text();
        int at = text.lastIndexOf(OUT_OF_MEMORY_MARK);
        String reason = at < 0 ? "" : text.substring(at + OUT_OF_MEMORY_MARK.length()).lines().findFirst().orElse("")
                .replaceFirst("^:\\s*", "");
        if (reason.contains("native thread")) {
            return "The JVM could not start another thread (" + reason + "): your code started more threads than "
                    + "this machine allows.\nNext: start a bounded number of threads, or use an executor with a "
                    + "fixed pool, or virtual threads.";
        }
        return "The JVM ran out of memory" + (reason.isEmpty() ? "" : " (" + reason + ")") + " and was stopped."
                + "\nNext: look for a collection that grows without end, or for data that is kept when it could "
                + "be dropped.";
    }

    private static Optional<String> currentCheck(List<ChildEvent> events) {
        String current = null;
        for (ChildEvent event : events) {
            if (event instanceof ChildEvent.Started s) {
                current = s.id();
            } else if (event instanceof ChildEvent.Finished f && f.result().id().equals(current)) {
                current = null;
            }
        }
        return Optional.ofNullable(current);
    }

    private static CheckResult withDeaths(CheckResult result, List<ChildEvent.ThreadDied> deaths) {
        List<String> lines = deathLines(result.id(), deaths);
        if (lines.isEmpty()) {
            return result;
        }
        List<String> details = new ArrayList<>(result.details());
        details.addAll(lines);
        return new CheckResult(result.id(), result.name(), result.status(), result.message(), result.measurement(),
                details, result.millis());
    }

    private static List<String> deathLines(String checkId, List<ChildEvent.ThreadDied> deaths) {
        return deaths.stream()
                .filter(d -> d.during().equals(checkId))
                .map(d -> "thread \"" + d.thread() + "\" died: " + d.exception())
                .toList();
    }

    private static CheckResult leftoverResult(ChildEvent.Leftovers leftovers) {
        StringBuilder message = new StringBuilder();
        if (!leftovers.threads().isEmpty()) {
            boolean one = leftovers.threads().size() == 1;
            message.append(one ? "A thread was" : leftovers.threads().size() + " threads were")
                    .append(" still running after the checks finished: ")
                    .append(String.join(", ", leftovers.threads()))
                    .append(one ? ". In a real program it would" : ". In a real program they would")
                    .append(" keep the JVM from exiting. Shut every executor down ")
                    .append("(try-with-resources, or shutdown() and awaitTermination()) and let every thread you "
                            + "start come to an end.");
        }
        if (!leftovers.processes().isEmpty()) {
            message.append(message.isEmpty() ? "" : "\n")
                    .append(leftovers.processes().size() == 1
                            ? "A process was still running when the checks ended, and was killed: "
                            : "Processes were still running when the checks ended, and were killed: ")
                    .append(String.join(", ", leftovers.processes()))
                    .append(". Every process your code starts should have ended by the time it returns. Wait for "
                            + "each one (waitFor()) or stop it (destroy()). A command sent to the background "
                            + "(with &, nohup or setsid -f) is no longer a child of the shell that started it: "
                            + "waiting for that shell does not wait for it, so run it in the foreground instead.");
        }
        return new CheckResult("leftovers", "nothing left running afterwards", CheckStatus.FAIL, message.toString(),
                null, List.of(), 0);
    }

    static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
