package org.threadlings.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What grading may and may not claim: a race check on one core is inconclusive, never a pass, and
 * an inconclusive exercise is not done; validate fails the course when a known-wrong answer
 * passes or is caught by another check than the one named for it.
 */
class GradingTruthIT {

    @TempDir
    Path temp;

    @Test
    void on_one_core_a_correct_counter_never_fails_and_is_not_done_unless_proven() throws Exception {
        Path course = Courses.copyOfCourse(temp);
        Files.copy(course.resolve("solutions/races/AtomicCounter.java"), course.resolve("exercises/races/AtomicCounter.java"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        RunScript.Run run = RunScript.runOnOneCore("--course", course.toString(), "check", "counter-atomic", "--json");

        JsonNode exercise = new ObjectMapper().readTree(run.stdout()).path("exercises").path(0);
        String status = exercise.path("status").asText();
        assertTrue(status.equals("pass") || status.equals("inconclusive"), run.stdout());
        if (status.equals("inconclusive")) {
            assertEquals(1, run.exitCode(), run.all());
            assertTrue(exercise.path("message").asText().contains("this exercise needs two cores"), run.stdout());
            RunScript.Run list = RunScript.run("--course", course.toString(), "list", "--json");
            for (JsonNode listed : new ObjectMapper().readTree(list.stdout())) {
                if (listed.path("id").asText().equals("counter-atomic")) {
                    assertEquals("pending", listed.path("status").asText(), list.stdout());
                }
            }
        }
    }

    @Test
    void a_racy_counter_on_one_core_never_shows_a_pass_on_its_race_checks() throws Exception {
        Path course = Courses.copyOfCourse(temp);

        RunScript.Run run = RunScript.runOnOneCore("--course", course.toString(), "check", "counter-synchronized", "--json");

        assertEquals(1, run.exitCode(), run.all());
        JsonNode exercise = new ObjectMapper().readTree(run.stdout()).path("exercises").path(0);
        for (JsonNode check : exercise.path("checks")) {
            if (check.path("check").asText().equals("tenThreads") || check.path("check").asText().equals("randomised")) {
                assertFalse(check.path("status").asText().equals("pass"), run.stdout());
            }
        }
    }

    @Test
    void validate_fails_when_a_wrong_answer_passes_or_is_caught_by_another_check() throws Exception {
        Path course = Courses.copyOfCourse(temp);
        Path wrong = course.resolve("lessons/races/wrong/counter-atomic");
        Files.copy(course.resolve("solutions/races/AtomicCounter.java"), wrong.resolve("volatile-long/races/AtomicCounter.java"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path lesson = course.resolve("lessons/races/lesson.yaml");
        Files.writeString(lesson, Files.readString(lesson).replace(
                "      - name: atomic-and-synchronized\n        caught-by: usesAnAtomic",
                "      - name: atomic-and-synchronized\n        caught-by: tenThreads"));

        RunScript.Run run = RunScript.run("--course", course.toString(), "validate", "counter-atomic", "--jobs", "1");

        assertEquals(1, run.exitCode(), run.all());
        // It passes every check, or, on a machine too busy to judge the race, gets no verdict:
        // either way it is not caught, and that breaks the course.
        assertTrue(run.stdout().contains("wrong answer 'volatile-long' (a volatile long instead of an atomic): it PASSES "
                + "every check") || run.stdout().contains("wrong answer 'volatile-long' (a volatile long instead of an "
                + "atomic): no verdict, so it is not caught"), run.stdout());
        assertTrue(run.stdout().contains("wrong answer 'atomic-and-synchronized'") && run.stdout().contains(
                "caught by usesAnAtomic, not by tenThreads"), run.stdout());
        assertTrue(run.stdout().matches("(?s).*races\\s+1\\s+1/1\\s+\\d/1\\s+3/5.*"), run.stdout());
    }
}
