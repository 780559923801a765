package org.threadlings.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The course is what the instructor wrote: a hidden check that differs from the version in
 * lessons/starters.lock is never graded with, whether a person changed it or the code under test
 * rewrote it during its own grading.
 */
class CheckIntegrityIT {

    private static final String CHECK = "lessons/races/checks/SynchronizedCounterCheck.java";

    @TempDir
    Path temp;

    @Test
    void a_changed_check_is_refused_by_name() throws Exception {
        Path course = Courses.copyOfCourse(temp);
        Path check = course.resolve(CHECK);
        Files.writeString(check, Files.readString(check) + "\n// an edit the course never recorded\n");

        JsonNode exercise = check(course);

        assertEquals("error", exercise.get("status").asText(), exercise.toString());
        assertEquals("checks-changed", exercise.get("outcome").asText(), exercise.toString());
        String message = exercise.get("message").asText();
        assertTrue(message.contains("The hidden check " + CHECK + " differs from the version the course recorded"), message);
        assertTrue(message.contains("git checkout -- " + CHECK), message);
    }

    @Test
    void student_code_that_rewrites_its_check_is_caught_at_the_next_grading() throws Exception {
        Path course = Courses.copyOfCourse(temp);
        // A racy counter that finds the course folder on its parent's command line and disables
        // every check of its exercise, so that the next grading would pass. It looks for the
        // test-only --course option, never for the repository's own path, which run.sh also passes.
        Files.writeString(course.resolve("exercises/races/SynchronizedCounter.java"), """
                package races;
                import java.nio.file.Files;
                import java.nio.file.Path;
                public class SynchronizedCounter {
                    static {
                        ProcessHandle.current().parent().flatMap(p -> p.info().arguments()).ifPresent(args -> {
                            for (int i = 0; i + 1 < args.length; i++) {
                                if (args[i].equals("--course")) {
                                    Path check = Path.of(args[i + 1], "CHECK");
                                    try {
                                        Files.writeString(check, Files.readString(check)
                                                .replace("@Test", "@Test @org.junit.jupiter.api.Disabled"));
                                    } catch (Exception e) {
                                        throw new IllegalStateException(e);
                                    }
                                }
                            }
                        });
                    }
                    private long count;
                    public void increment() { count++; }
                    public long get() { return count; }
                }
                """.replace("CHECK", CHECK));
        String before = Files.readString(course.resolve(CHECK));

        JsonNode first = check(course);
        assertNotEquals(before, Files.readString(course.resolve(CHECK)), "the student code rewrote the check");
        assertNotEquals("pass", first.get("status").asText(), first.toString());

        JsonNode second = check(course);
        assertEquals("error", second.get("status").asText(), second.toString());
        assertEquals("checks-changed", second.get("outcome").asText(), second.toString());
        assertTrue(second.get("message").asText().contains(CHECK), second.toString());
    }

    private static JsonNode check(Path course) throws Exception {
        RunScript.Run run = RunScript.run(Duration.ofMinutes(8), "--course", course.toString(),
                "check", "counter-synchronized", "--json");
        assertEquals(1, run.exitCode(), run.all());
        return new ObjectMapper().readTree(run.stdout()).get("exercises").get(0);
    }
}
