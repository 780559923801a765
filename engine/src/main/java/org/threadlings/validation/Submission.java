package org.threadlings.validation;

import java.nio.file.Path;
import org.threadlings.course.Exercise;
import org.threadlings.course.WrongAnswer;
import org.threadlings.sandbox.ScratchDir;
import org.threadlings.verdict.Verdict;

/**
 * One thing validation grades: an exercise's original starter, its solution, or one of its
 * known-wrong answers, laid out like exercises/ in {@code folder}.
 *
 * @param scratch the temporary folder that holds it, deleted on close; null for the solutions
 * @param missing why it cannot be graded (a starter without its original), else null
 */
record Submission(Exercise exercise, Kind kind, WrongAnswer wrong, Path folder, ScratchDir scratch, String missing) {

    enum Kind { STARTER, SOLUTION, WRONG }

    /** Whether a verdict is the one this submission must get for the course to be consistent. */
    boolean asExpected(Verdict verdict) {
        if (verdict == null) {
            return true; // nothing to grade: reported as a problem, grading again cannot help
        }
        return switch (kind) {
            case STARTER -> CourseValidator.starterProblems(verdict).isEmpty();
            case SOLUTION -> verdict.passed();
            case WRONG -> WrongAnswerVerdict.judge(wrong, verdict).ok();
        };
    }

    /** How a verdict came out for this submission, in a few words. */
    String outcome(Verdict verdict) {
        if (kind != Kind.WRONG || verdict == null) {
            return verdict == null ? "ungraded" : verdict.status().label();
        }
        WrongAnswerVerdict judged = WrongAnswerVerdict.judge(wrong, verdict);
        return switch (judged.caught()) {
            case INTENDED -> "caught by " + wrong.caughtBy();
            case OTHER_CHECK -> judged.detail();
            case PASSED -> "passing";
            case INCONCLUSIVE -> "inconclusive";
            case BROKEN -> verdict.status().label();
        };
    }

    String label() {
        return switch (kind) {
            case STARTER -> "the starter";
            case SOLUTION -> "the solution";
            case WRONG -> "wrong answer '" + wrong.name() + "'";
        };
    }

    void close() {
        if (scratch != null) {
            scratch.close();
        }
    }
}
