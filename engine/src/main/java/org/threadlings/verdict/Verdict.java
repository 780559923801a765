package org.threadlings.verdict;

import java.time.Duration;
import java.util.List;

/**
 * Everything grading learned about one exercise.
 *
 * @param message      for anything but a plain run of the checks: what happened, in words, with
 *                     the evidence (the deadlock cycle, what the threads were doing) and a next step
 * @param compileErrors the student's compile errors, if that is why the checks did not run
 */
public record Verdict(String exerciseId, ExerciseStatus status, Outcome outcome, String message,
                      List<CheckResult> checks, List<CompileDiagnostic> compileErrors,
                      CapturedOutput output, Duration elapsed) {

    public Verdict {
        checks = List.copyOf(checks);
        compileErrors = List.copyOf(compileErrors);
        message = message == null ? "" : message;
    }

    public boolean passed() {
        return status == ExerciseStatus.PASS;
    }

    /** Whether this verdict judged the code, and so belongs in progress: a cancelled run judged nothing. */
    public boolean judgedTheCode() {
        return outcome != Outcome.CANCELLED;
    }

    public long count(CheckStatus checkStatus) {
        return checks.stream().filter(c -> c.status() == checkStatus).count();
    }
}
