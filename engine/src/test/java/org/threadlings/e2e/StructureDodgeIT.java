package org.threadlings.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The structural rules see every class compiled from the student's file: an atomic hidden in a
 * second top-level class, next to a synchronized method nobody calls, fails counter-synchronized
 * and the failure names what was seen.
 */
class StructureDodgeIT {

    @TempDir
    Path temp;

    @Test
    void an_atomic_in_a_second_top_level_class_fails_the_synchronized_exercise() throws Exception {
        String source = """
                package races;
                import java.util.concurrent.atomic.AtomicLong;
                public class SynchronizedCounter {
                    private final Tally tally = new Tally();
                    public void increment() { tally.total.incrementAndGet(); }
                    public long get() { return tally.total.get(); }
                    public synchronized void neverCalled() { }
                }
                class Tally {
                    final AtomicLong total = new AtomicLong();
                }
                """;
        // A copy of the course with a roomy time limit: this test is about what the rules see, and
        // a busy machine must not turn its verdict into a timeout.
        Path course = Courses.copyOfCourse(temp);
        Path lesson = course.resolve("lessons/races/lesson.yaml");
        Files.writeString(lesson, Files.readString(lesson).replaceFirst("time-limit: 20s", "time-limit: 2m"));
        Files.writeString(course.resolve("exercises/races/SynchronizedCounter.java"), source);
        RunScript.Run run = RunScript.run(Duration.ofMinutes(8), "--course", course.toString(),
                "check", "counter-synchronized", "--json");

        assertEquals(1, run.exitCode(), run.all());
        JsonNode exercise = new ObjectMapper().readTree(run.stdout()).get("exercises").get(0);
        assertEquals("fail", exercise.get("status").asText(), exercise.toString());
        JsonNode structure = null;
        for (JsonNode check : exercise.get("checks")) {
            if (check.get("name").asText().startsWith("uses synchronized")) {
                structure = check;
            }
        }
        assertTrue(structure != null, exercise.toString());
        assertEquals("fail", structure.get("status").asText(), structure.toString());
        String message = structure.get("message").asText();
        assertTrue(message.contains("AtomicLong.incrementAndGet() at SynchronizedCounter.java:5"), message);
        assertTrue(message.contains("field Tally.total of type AtomicLong"), message);
    }
}
