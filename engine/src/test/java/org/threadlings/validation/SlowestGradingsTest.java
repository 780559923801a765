package org.threadlings.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadlings.course.Exercise;
import org.threadlings.course.WrongAnswer;
import org.threadlings.verdict.CapturedOutput;
import org.threadlings.verdict.CheckResult;
import org.threadlings.verdict.CheckStatus;
import org.threadlings.verdict.ExerciseStatus;
import org.threadlings.verdict.Outcome;
import org.threadlings.verdict.Verdict;

class SlowestGradingsTest {

    private static final Exercise STOP_FLAG = new Exercise("stop-flag", "visibility", "Stop flag",
            List.of("visibility/StoppableWorker.java"), "task", List.of("hint"), List.of(), Duration.ofSeconds(30),
            List.of(), List.of(), List.of());

    @Test
    void listsEveryGradingDoneNowSlowestFirstWithItsSlowestCheck() {
        WrongAnswer plain = new WrongAnswer("plain-flag", "flagIsVolatile", "a plain boolean", Path.of("wrong"));
        CourseValidator.ExerciseReport report = new CourseValidator.ExerciseReport(STOP_FLAG,
                verdict(900, check("stopsWhenAsked", 400)), verdict(2500, check("stopsWhenAsked", 300),
                check("flagIsVolatile", 1700)), List.of(),
                List.of(new WrongAnswerVerdict(plain, verdict(4000), WrongAnswerVerdict.Catch.INTENDED, "")),
                List.of(), List.of(), null);

        List<SlowestGradings.Grading> slowest = SlowestGradings.of(List.of(report));

        assertEquals(List.of("wrong/plain-flag", "solution", "starter"),
                slowest.stream().map(SlowestGradings.Grading::submission).toList());
        assertEquals("flagIsVolatile", slowest.get(1).slowestCheck());
        assertEquals(List.of(
                "Slowest gradings: in all, in its checks, and its longest check",
                "     4.0 s    0.0 s  stop-flag          wrong/plain-flag             (no check ran)",
                "     2.5 s    2.0 s  stop-flag          solution                     flagIsVolatile 1.7 s"),
                SlowestGradings.render(slowest, 2));
    }

    @Test
    void aCarriedOverExerciseAddsNothingAndZeroListsNothing() {
        CourseValidator.ExerciseReport carried = CourseValidator.ExerciseReport.unchanged(STOP_FLAG,
                new ValidationRecord.Entry("print", java.time.Instant.EPOCH, 6, 6));

        assertTrue(SlowestGradings.of(List.of(carried)).isEmpty());
        assertTrue(SlowestGradings.render(List.of(), 5).isEmpty());
        assertTrue(SlowestGradings.render(List.of(new SlowestGradings.Grading("e", "starter", 1, 0, "", 0)), 0).isEmpty());
    }

    private static Verdict verdict(long millis, CheckResult... checks) {
        return new Verdict("stop-flag", ExerciseStatus.PASS, Outcome.COMPLETED, "", List.of(checks), List.of(),
                CapturedOutput.NONE, Duration.ofMillis(millis));
    }

    private static CheckResult check(String method, long millis) {
        return new CheckResult("[engine:junit-jupiter]/[class:visibility.checks.StopFlagCheck]/[method:" + method + "()]",
                method, CheckStatus.PASS, "", null, List.of(), millis);
    }
}
