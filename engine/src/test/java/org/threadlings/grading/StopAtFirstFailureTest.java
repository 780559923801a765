package org.threadlings.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadlings.compile.SourceCompiler;
import org.threadlings.course.Exercise;
import org.threadlings.grading.protocol.CheckSelection;
import org.threadlings.sandbox.JvmLauncher;
import org.threadlings.verdict.CheckResult;
import org.threadlings.verdict.CheckStatus;
import org.threadlings.verdict.ExerciseStatus;
import org.threadlings.verdict.Verdict;

/**
 * Validation asks of a starter only that it fails, so its grading stops at the first failing
 * check; the checks after it are reported as not run, and the verdict is still a failure.
 */
class StopAtFirstFailureTest {

    @TempDir
    Path root;

    @Test
    void checks_after_the_first_failure_are_not_run_and_are_reported_so() throws Exception {
        Exercise exercise = threeChecks();
        try (Grader grader = new Grader(new SourceCompiler(), JvmLauncher.forThisJvm())) {
            Verdict verdict = grader.grade(exercise, root.resolve("student"), GradingListener.NONE, new Cancellation(),
                    CheckSelection.untilFirstFailure());

            assertEquals(ExerciseStatus.FAIL, verdict.status(), verdict.toString());
            assertEquals(List.of(CheckStatus.PASS, CheckStatus.FAIL, CheckStatus.INCONCLUSIVE),
                    verdict.checks().stream().map(CheckResult::status).toList(), verdict.toString());
            assertEquals(CheckSelection.NOT_RUN, verdict.checks().get(2).message());
            assertFalse(verdict.output().text().contains("third ran"), verdict.output().text());
        }
    }

    @Test
    void a_students_grading_runs_every_check_whatever_fails() throws Exception {
        Exercise exercise = threeChecks();
        try (Grader grader = new Grader(new SourceCompiler(), JvmLauncher.forThisJvm())) {
            Verdict verdict = grader.grade(exercise, root.resolve("student"), GradingListener.NONE, new Cancellation());

            assertEquals(List.of(CheckStatus.PASS, CheckStatus.FAIL, CheckStatus.PASS),
                    verdict.checks().stream().map(CheckResult::status).toList(), verdict.toString());
            assertTrue(verdict.output().text().contains("third ran"), verdict.output().text());
        }
    }

    private Exercise threeChecks() throws Exception {
        Path answer = root.resolve("student/probe/Answer.java");
        Files.createDirectories(answer.getParent());
        Files.writeString(answer, """
                package probe;
                public class Answer {
                    public static int value() { return 41; }
                }
                """);
        Path check = root.resolve("checks/probe/checks/OrderedCheck.java");
        Files.createDirectories(check.getParent());
        Files.writeString(check, """
                package probe.checks;
                import org.junit.jupiter.api.Assertions;
                import org.junit.jupiter.api.Order;
                import org.junit.jupiter.api.Test;
                class OrderedCheck {
                    @Test @Order(1)
                    void compiles() {
                    }
                    @Test @Order(2)
                    void answers() {
                        Assertions.assertEquals(42, probe.Answer.value());
                    }
                    @Test @Order(3)
                    void third() {
                        System.out.println("third ran");
                    }
                }
                """);
        return new Exercise("ordered", "probe", "Ordered checks", List.of("probe/Answer.java"), "", List.of(),
                List.of(check), Duration.ofSeconds(20), List.of(), List.of(), List.of());
    }
}
