package org.threadlings.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad jvm-options entry never ends a command in an internal error: an option the format
 * refuses is a problem at its line, and one the JVM itself refuses is an error verdict, in
 * --json too, in the JVM's words.
 */
class JvmOptionsIT {

    private static final String RACY = "    jvm-options: &racy\n";

    @TempDir
    Path temp;

    private Path courseWithOption(String option) throws Exception {
        Path course = Courses.copyOfCourse(temp);
        Path lesson = course.resolve("lessons/races/lesson.yaml");
        String yaml = Files.readString(lesson);
        assertTrue(yaml.contains(RACY), "the race lesson anchors its options");
        Files.writeString(lesson, yaml.replace(RACY, RACY + "      - " + option + "\n"));
        return course;
    }

    @Test
    void an_option_the_format_refuses_is_a_problem_at_its_line() throws Exception {
        Path course = courseWithOption("-version");

        RunScript.Run run = RunScript.run("--course", course.toString(), "check", "counter-synchronized", "--json");

        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.stderr().matches("(?s).*lessons/races/lesson\\.yaml:\\d+:9: JVM option '-version' is not allowed: "
                + "it prints information and ends the JVM.*"), run.stderr());
        assertFalse(run.all().contains("internal error") || run.all().contains("Exception"), run.all());
    }

    @Test
    void an_option_the_jvm_refuses_is_an_error_verdict_in_json() throws Exception {
        Path course = courseWithOption("-XX:+NoSuchFlagAtAll");

        RunScript.Run run = RunScript.run(Duration.ofMinutes(8), "--course", course.toString(),
                "check", "counter-synchronized", "--json");

        assertEquals(1, run.exitCode(), run.all());
        assertFalse(run.all().contains("internal error") || run.all().contains("Stream closed"), run.all());
        JsonNode exercise = new ObjectMapper().readTree(run.stdout()).get("exercises").get(0);
        assertEquals("error", exercise.get("status").asText(), exercise.toString());
        assertEquals("jvm-did-not-start", exercise.get("outcome").asText(), exercise.toString());
        String message = exercise.get("message").asText();
        assertTrue(message.contains("Unrecognized VM option 'NoSuchFlagAtAll'"), message);
        assertTrue(message.contains("This is a mistake in the course, not in your code"), message);
    }
}
