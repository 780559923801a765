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

    /** What the JVM prints as it exits on -XX:+ExitOnOutOfMemoryError. */
    static final String OUT_OF_MEMORY_MARK = "Terminating due to java.lang.OutOfMemoryError";

    static Verdict assemble(String exerciseId, List<ChildEvent> events, Ending ending, int exitCode,
                            Duration timeLimit, CapturedOutput output, Duration elapsed) {
        List<ChildEvent.PlannedCheck> planned = new ArrayList<>();
        Map<String, CheckResult> finished = new LinkedHashMap<>();
        List<ChildEvent.ThreadDied> deaths = new ArrayList<>();
        ChildEvent.Stopped stopped = null;
        ChildEvent.Leftovers leftovers = null;
        boolean done = false;
        for (ChildEvent event : events) {
            switch (event) {
                case ChildEvent.Planned p -> planned.addAll(p.checks());
                case ChildEvent.Finished f -> finished.putIfAbsent(f.result().id(), f.result());
                case ChildEvent.ThreadDied d -> deaths.add(d);
                case ChildEvent.Stopped s -> stopped = stopped == null ? s : stopped;
                case ChildEvent.Leftovers l -> leftovers = l;
                case ChildEvent.Done d -> done = true;
                case ChildEvent.Started s -> { }
            }
        }
        Outcome outcome = outcome(ending, stopped, deaths, done, output);
        String message = message(outcome, stopped, exitCode, timeLimit, output);

        List<CheckResult> checks = new ArrayList<>();
        for (CheckResult result : finished.values()) {
            if (planned.stream().noneMatch(p -> p.id().equals(result.id()))) {
                checks.add(withDeaths(result, deaths)); // reported without being planned: a class that failed to load
            }
        }
        String stoppedDuring = stopped == null ? currentCheck(events).orElse("") : stopped.during();
        for (ChildEvent.PlannedCheck check : planned) {
            CheckResult result = finished.get(check.id());
            if (result != null) {
                checks.add(withDeaths(result, deaths));
            } else if (check.id().equals(stoppedDuring)) {
                checks.add(new CheckResult(check.id(), check.name(), statusWhenCut(outcome),
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
        return new Verdict(exerciseId, status(outcome, checks), outcome, message, checks, List.of(), output, elapsed);
    }

    private static Outcome outcome(Ending ending, ChildEvent.Stopped stopped, List<ChildEvent.ThreadDied> deaths,
                                   boolean done, CapturedOutput output) {
        if (ending == Ending.CANCELLED) {
            return Outcome.CANCELLED;
        }
        if (ending == Ending.FLOOD_KILLED) {
            return Outcome.OUTPUT_LIMIT;
        }
        if (stopped != null) {
            return switch (stopped.reason()) {
                case TIME_LIMIT -> Outcome.TIME_LIMIT;
                case DEADLOCK -> Outcome.DEADLOCK;
                case SYSTEM_EXIT -> Outcome.SYSTEM_EXIT;
                case SIGNAL -> Outcome.CANCELLED;
            };
        }
        if (!done && output.text().contains(OUT_OF_MEMORY_MARK)) {
            return Outcome.OUT_OF_MEMORY;
        }
        if (ending == Ending.TIME_LIMIT_KILLED) {
            return Outcome.TIME_LIMIT;
        }
        return done ? Outcome.COMPLETED : Outcome.CRASHED;
    }

    private static ExerciseStatus status(Outcome outcome, List<CheckResult> checks) {
        return switch (outcome) {
            case COMPLETED -> checks.stream().anyMatch(c -> c.status() == CheckStatus.FAIL || c.status() == CheckStatus.ERROR)
                    ? ExerciseStatus.FAIL : ExerciseStatus.PASS;
            case TIME_LIMIT -> ExerciseStatus.TIMEOUT;
            case DEADLOCK -> ExerciseStatus.FAIL;
            default -> ExerciseStatus.ERROR;
        };
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
                                  CapturedOutput output) {
        String report = stopped == null ? "" : stopped.report();
        return switch (outcome) {
            case COMPLETED -> "";
            case TIME_LIMIT -> (report.isEmpty()
                    ? "The time limit of " + seconds(limit) + " was reached, and the JVM running the checks did not "
                    + "answer any more, so it was stopped. (Code that allocates memory without end can keep the "
                    + "garbage collector too busy to do anything else.)"
                    : report)
                    + "\nNext: look for a loop whose condition never becomes false, or a thread that waits for "
                    + "something that never happens (a join or get on work that never ends, a lock never released).";
            case DEADLOCK -> report;
            case SYSTEM_EXIT -> report + " (exit status " + exitCode + ")"
                    + "\nNext: exercise code should return, or throw an exception, rather than call System.exit.";
            case OUT_OF_MEMORY -> outOfMemory(output);
            case OUTPUT_LIMIT -> "Your code printed more than " + (output.totalBytes() / (1024 * 1024))
                    + " MB, so the run was stopped. Is there a print inside a loop that runs millions of times? "
                    + "Remove it, or print a summary after the loop.";
            case CANCELLED -> report.isEmpty() ? "Grading was cancelled." : report;
            default -> "The JVM running the checks stopped unexpectedly (exit status " + exitCode + ")"
                    + (output.isEmpty() ? "." : "; its last output is shown below.");
        };
    }

    private static String outOfMemory(CapturedOutput output) {
        String text = output.text();
        int at = text.indexOf(OUT_OF_MEMORY_MARK);
        String reason = text.substring(at + OUT_OF_MEMORY_MARK.length()).lines().findFirst().orElse("")
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
