package org.threadlings.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.threadlings.compile.SourceCompiler;
import org.threadlings.course.Exercise;
import org.threadlings.sandbox.JvmLauncher;
import org.threadlings.verdict.ExerciseStatus;
import org.threadlings.verdict.Outcome;
import org.threadlings.verdict.Verdict;

/**
 * A grading JVM whose options keep it from starting: an error verdict that quotes the JVM and
 * blames the course, never an exception. The loader refuses most such options; these reach the
 * grader anyway (an unknown flag cannot be told without starting a JVM), or stand for a course
 * loaded by an older engine.
 */
class GraderStartFailureTest {

    @TempDir
    Path root;

    private final SourceCompiler compiler = new SourceCompiler();
    private final JvmLauncher jvm = JvmLauncher.forThisJvm();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-XX:+NoSuchFlagAtAll | Unrecognized VM option 'NoSuchFlagAtAll'",
            "-Xmx1m               | heap",
            "-version             | version"})
    void a_jvm_that_does_not_start_is_an_error_verdict_in_its_own_words(String option, String words) throws Exception {
        Exercise exercise = WhoRunsTheChecks.exercise(root, "broken", List.of(option));
        Verdict verdict;
        try (Grader grader = new Grader(compiler, jvm)) {
            verdict = grade(grader, exercise);
        }
        assertStartFailure(verdict, option, words);
    }

    @Test
    void with_standby_too() throws Exception {
        Exercise exercise = WhoRunsTheChecks.exercise(root, "broken", List.of("-XX:+NoSuchFlagAtAll"));
        try (Grader grader = Grader.withStandby(compiler, jvm)) {
            grader.prepare(exercise);
            assertStartFailure(grade(grader, exercise), "-XX:+NoSuchFlagAtAll", "NoSuchFlagAtAll");
            assertStartFailure(grade(grader, exercise), "-XX:+NoSuchFlagAtAll", "NoSuchFlagAtAll");
        }
        assertEquals(List.of(), WhoRunsTheChecks.gradingJvmsAlive());
    }

    private static void assertStartFailure(Verdict verdict, String option, String words) {
        assertEquals(ExerciseStatus.ERROR, verdict.status(), verdict.toString());
        assertEquals(Outcome.JVM_DID_NOT_START, verdict.outcome(), verdict.toString());
        String message = verdict.message();
        assertTrue(message.startsWith("The JVM that runs the checks did not start, so nothing was graded. It said: "),
                message);
        assertTrue(message.toLowerCase().contains(words.toLowerCase()), message);
        assertTrue(message.contains("The exercise's jvm-options are " + option), message);
        assertTrue(message.contains("not in your code"), message);
    }

    private Verdict grade(Grader grader, Exercise exercise) {
        return grader.grade(exercise, WhoRunsTheChecks.studentDir(root), GradingListener.NONE, new Cancellation());
    }
}
