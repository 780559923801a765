package org.threadlings.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadlings.compile.SourceCompiler;
import org.threadlings.course.Exercise;
import org.threadlings.sandbox.JvmLauncher;
import org.threadlings.verdict.Verdict;

/**
 * Which JVM runs a grading's checks, told by the process id the check prints: with standby, one
 * that was already waiting when the grading began; without, none is kept.
 */
class GraderStandbyTest {

    private static final List<String> RACY = List.of("-XX:CompileCommand=quiet");

    @TempDir
    Path root;

    private final SourceCompiler compiler = new SourceCompiler();
    private final JvmLauncher jvm = JvmLauncher.forThisJvm();

    @Test
    void with_standby_the_next_grading_runs_in_the_jvm_that_was_waiting() throws Exception {
        Exercise exercise = WhoRunsTheChecks.exercise(root, "who", List.of());
        try (Grader grader = Grader.withStandby(compiler, jvm)) {
            Verdict first = grade(grader, exercise);
            long waiting = WhoRunsTheChecks.awaitOneWaiting();
            assertNotEquals(WhoRunsTheChecks.pidOf(first), waiting, "a JVM does one job only");

            Verdict second = grade(grader, exercise);
            assertEquals(waiting, WhoRunsTheChecks.pidOf(second));
            assertTrue(second.passed(), second.toString());
        }
        assertEquals(List.of(), WhoRunsTheChecks.gradingJvmsAlive(), "closing ends the waiting JVM");
    }

    @Test
    void other_jvm_options_get_a_fresh_jvm() throws Exception {
        Exercise plain = WhoRunsTheChecks.exercise(root, "plain", List.of());
        Exercise racy = WhoRunsTheChecks.exercise(root, "racy", RACY);
        try (Grader grader = Grader.withStandby(compiler, jvm)) {
            grader.prepare(plain);
            long waiting = WhoRunsTheChecks.awaitOneWaiting();
            Verdict verdict = grade(grader, racy);
            assertNotEquals(waiting, WhoRunsTheChecks.pidOf(verdict));
            assertTrue(verdict.passed(), verdict.toString());
            long next = WhoRunsTheChecks.awaitOneWaiting();
            assertNotEquals(waiting, next, "only the options last used are kept ready");
        }
    }

    @Test
    void by_default_no_jvm_is_kept_waiting() throws Exception {
        Exercise exercise = WhoRunsTheChecks.exercise(root, "who", List.of());
        try (Grader grader = new Grader(compiler, jvm)) {
            grader.prepare(exercise);
            Verdict verdict = grade(grader, exercise);
            assertTrue(verdict.passed(), verdict.toString());
            // Nothing starts in the background without standby, so there is nothing to wait for.
            assertEquals(List.of(), WhoRunsTheChecks.gradingJvmsAlive());
        }
    }

    private Verdict grade(Grader grader, Exercise exercise) {
        return grader.grade(exercise, WhoRunsTheChecks.studentDir(root), GradingListener.NONE, new Cancellation());
    }
}
