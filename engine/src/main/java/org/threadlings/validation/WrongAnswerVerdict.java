package org.threadlings.validation;

import java.util.List;
import org.threadlings.course.WrongAnswer;
import org.threadlings.verdict.CheckResult;
import org.threadlings.verdict.CheckStatus;
import org.threadlings.verdict.ExerciseStatus;
import org.threadlings.verdict.Outcome;
import org.threadlings.verdict.Verdict;

/**
 * How the checks dealt with one known-wrong answer. Only {@link Catch#INTENDED} is right: the
 * check meant for the mistake failed. Caught by another check means the message the student
 * reads is not the one written for their mistake.
 */
public record WrongAnswerVerdict(WrongAnswer answer, Verdict verdict, Catch caught, String detail) {

    /** The ways a wrong answer can come out. */
    public enum Catch {
        /** The check named in {@code caught-by} failed. */
        INTENDED,
        /** Checks failed, but not the one named. */
        OTHER_CHECK,
        /** Every check passed: the checks cannot tell this mistake from a solution. */
        PASSED,
        /** Nothing failed, but something could not reach a verdict. */
        INCONCLUSIVE,
        /** It did not compile or could not be graded: not a mistake the checks were tested on. */
        BROKEN
    }

    public boolean ok() {
        return caught == Catch.INTENDED;
    }

    /** Judges the grading of a wrong answer against the check that should have caught it. */
    static WrongAnswerVerdict judge(WrongAnswer answer, Verdict verdict) {
        List<CheckResult> failed = verdict.checks().stream()
                .filter(c -> c.status() == CheckStatus.FAIL || c.status() == CheckStatus.ERROR).toList();
        if (verdict.outcome() != Outcome.COMPLETED && failed.isEmpty()) {
            return new WrongAnswerVerdict(answer, verdict, Catch.BROKEN, CourseValidator.describe(verdict));
        }
        if (failed.stream().anyMatch(c -> isCheck(c, answer.caughtBy()))) {
            return new WrongAnswerVerdict(answer, verdict, Catch.INTENDED, "");
        }
        if (!failed.isEmpty()) {
            boolean exists = verdict.checks().stream().anyMatch(c -> isCheck(c, answer.caughtBy()));
            String names = String.join(", ", failed.stream().map(CheckResult::method).toList());
            return new WrongAnswerVerdict(answer, verdict, Catch.OTHER_CHECK, exists
                    ? "caught by " + names + ", not by " + answer.caughtBy()
                    : "caught by " + names + "; no check is named " + answer.caughtBy() + " (checks: "
                    + String.join(", ", verdict.checks().stream().map(CheckResult::method).toList()) + ")");
        }
        return verdict.status() == ExerciseStatus.INCONCLUSIVE
                ? new WrongAnswerVerdict(answer, verdict, Catch.INCONCLUSIVE, CourseValidator.describe(verdict))
                : new WrongAnswerVerdict(answer, verdict, Catch.PASSED, "every check passed");
    }

    /** Whether {@code check} is the check method {@code name} (or the leftovers check). */
    static boolean isCheck(CheckResult check, String name) {
        return check.method().equals(name);
    }
}
