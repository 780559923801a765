package org.threadlings.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code ./run.sh check} on the starters, the solutions, and with every output option. */
class CheckCommandIT {

    private static final Pattern LOST = Pattern.compile("lost [\\d,]+ of [\\d,]+ increments \\(\\d+ threads × [\\d,]+ each\\)");

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"counter-synchronized", "counter-atomic", "counter-lock"})
    void each_counter_starter_fails_saying_how_many_increments_were_lost(String exercise) throws Exception {
        Instant start = Instant.now();
        RunScript.Run run = RunScript.run("check", exercise, "--exercises", Courses.originalStarters(temp).toString());

        assertEquals(1, run.exitCode(), run.all());
        assertTrue(LOST.matcher(run.stdout()).find(), "says how many were lost:\n" + run.stdout());
        assertTrue(run.stdout().contains("FAIL"), run.stdout());
        assertTrue(run.stdout().contains("./run.sh hint " + exercise), "points to the hint:\n" + run.stdout());
        assertEquals(List.of(), GradingJvms.aliveSince(start));
    }

    @Test
    void no_solution_fails_and_an_unjudged_one_says_why() throws Exception {
        RunScript.Run run = RunScript.run("check", "--all", "--exercises", Courses.fixture().resolve("solutions").toString());

        // Every lesson of the course, however many there are by now. A correct solution never
        // fails; a speed-up the machine could not judge (the suite shares the cores with the
        // engine's start-up training, among others) is inconclusive, and must say why.
        assertFalse(Pattern.compile("(?m)^  (FAIL|ERROR|TIMEOUT|TAMPERED)  ").matcher(run.stdout()).find(), run.stdout());
        assertTrue(Pattern.compile("(?m)^  PASS  ").matcher(run.stdout()).find(), run.stdout());
        Matcher unsure = Pattern.compile("(?m)^  \\? .*\\(inconclusive\\).*\\n((?:      .*\\n)*)").matcher(run.stdout());
        while (unsure.find()) {
            assertFalse(unsure.group(1).isBlank(), "an inconclusive check says why:\n" + run.stdout());
        }
        assertTrue(Pattern.compile("passed \\d+ trials").matcher(run.stdout()).find(), "says how much was tried:\n" + run.stdout());
    }

    @Test
    void json_report_has_the_documented_shape() throws Exception {
        Path starters = Courses.originalStarters(temp.resolve("starters"));
        RunScript.Run run = RunScript.run("check", "counter-atomic", "--json", "--exercises", starters.toString());

        assertEquals(1, run.exitCode(), run.all());
        JsonNode report = new ObjectMapper().readTree(run.stdout());
        assertEquals("fail", report.get("status").asText());
        JsonNode exercise = report.get("exercises").get(0);
        assertEquals("counter-atomic", exercise.get("id").asText());
        assertEquals("races", exercise.get("lesson").asText());
        assertEquals("fail", exercise.get("status").asText());
        assertEquals("completed", exercise.get("outcome").asText());
        assertEquals("races/AtomicCounter.java", exercise.get("files").get(0).asText());
        JsonNode first = exercise.get("checks").get(0);
        assertEquals("10 threads × 100,000 increments give exactly 1,000,000", first.get("name").asText());
        assertEquals("fail", first.get("status").asText());
        assertTrue(LOST.matcher(first.get("message").asText()).find(), first.toString());
        for (JsonNode check : exercise.get("checks")) {
            assertTrue(List.of("pass", "fail", "inconclusive", "error").contains(check.get("status").asText()));
        }
    }

    @Test
    void junit_xml_is_written_for_ci() throws Exception {
        Path reports = temp.resolve("reports");
        RunScript.Run run = RunScript.run("check", "counter-lock", "--junit-xml", reports.toString(),
                "--exercises", Courses.fixture().resolve("solutions").toString());

        assertEquals(0, run.exitCode(), run.all());
        try (Stream<Path> files = Files.list(reports)) {
            String xml = Files.readString(files.filter(f -> f.toString().endsWith(".xml")).findFirst().orElseThrow());
            assertTrue(xml.contains("<testsuite"), xml);
            assertTrue(xml.contains("tests=\"3\""), xml);
            assertTrue(xml.contains("failures=\"0\""), xml);
            assertTrue(xml.contains("counter-lock"), xml);
        }
    }

    @Test
    void a_compile_error_shows_the_line_and_a_caret() throws Exception {
        Path dir = Courses.withFile(temp, "races/SynchronizedCounter.java", """
                package races;

                public class SynchronizedCounter {
                    private long count;

                    public synchronized void increment() {
                        count++
                    }

                    public synchronized long get() {
                        return count;
                    }
                }
                """);
        RunScript.Run run = RunScript.run("check", "counter-synchronized", "--exercises", dir.toString());

        assertEquals(1, run.exitCode(), run.all());
        assertTrue(run.stdout().contains("Your code does not compile."), run.stdout());
        assertTrue(run.stdout().contains("SynchronizedCounter.java:7: ';' expected"), run.stdout());
        assertTrue(run.stdout().contains("count++\n") && run.stdout().contains("^"), run.stdout());
    }

    @Test
    void an_unknown_exercise_gets_the_closest_ids_and_exit_code_2() throws Exception {
        RunScript.Run run = RunScript.run("check", "counter-atomc");

        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.stderr().contains("There is no exercise 'counter-atomc'. Did you mean: counter-atomic"),
                run.stderr());
        assertTrue(!run.all().contains("Exception"), "no stack trace:\n" + run.all());
    }

    @Test
    void a_usage_error_exits_with_2() throws Exception {
        RunScript.Run run = RunScript.run("check", "--no-such-option");

        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.stderr().contains("Unknown option"), run.stderr());
    }
}
