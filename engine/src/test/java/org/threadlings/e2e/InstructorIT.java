package org.threadlings.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What course authors rely on: validate, and lesson-format errors reported all at once. */
class InstructorIT {

    @TempDir
    Path temp;

    @Test
    void the_course_is_consistent() throws Exception {
        // The whole real course: every starter, solution and known-wrong answer, with validate's default jobs.
        // The limit is a safety net for a hang, far above the time it takes (see the README).
        RunScript.Run run = RunScript.run(java.time.Duration.ofMinutes(45), "--course", RunScript.ROOT.toString(), "validate",
                "--fresh");
        System.out.println(run.stdout()); // the summary table and the wall time, in the test's output file

        assertTrue(run.stdout().contains("counter-synchronized: starter fails"), run.stdout());
        // A speed-up or a race that this machine could not judge, even alone and three times, is
        // no proof of a broken course; anything else out of place is.
        List<String> problems = run.stdout().lines().filter(l -> l.startsWith("      ") && !l.startsWith("      note: ")
                && !l.startsWith("      pending: ")).toList();
        List<String> real = problems.stream().filter(p -> !p.contains("inconclusive") && !p.contains("no verdict")).toList();
        assertEquals(List.of(), real, run.stdout());
        assertTrue(run.exitCode() == 0 ? run.stdout().contains("The course is consistent.") : !problems.isEmpty(),
                run.all());
    }

    @Test
    void an_exercise_found_consistent_is_not_graded_again_until_something_it_depends_on_changes() throws Exception {
        Path course = Courses.copyOfCourse(temp);

        // --fresh grades even what it could carry over, and records what it finds.
        RunScript.Run first = RunScript.run("--course", course.toString(), "validate", "counter-atomic", "--fresh");
        RunScript.Run second = RunScript.run("--course", course.toString(), "validate", "counter-atomic", "--jobs", "1");
        Path wrong = course.resolve("lessons/races/wrong/counter-atomic/volatile-long/races/AtomicCounter.java");
        Files.writeString(wrong, Files.readString(wrong) + "// a comment changes the file, so the answer is graded again\n");
        RunScript.Run third = RunScript.run("--course", course.toString(), "validate", "counter-atomic", "--jobs", "1");

        assertEquals(0, first.exitCode(), first.all());
        assertTrue(first.stdout().contains("counter-atomic: starter fails"), first.stdout());
        // An author sees where the time went: the slowest gradings, each with its longest check.
        assertTrue(first.stdout().matches("(?s).*Slowest gradings.*\\n\\s+[\\d.]+ s\\s+[\\d.]+ s\\s+counter-atomic\\s+"
                + "(starter|solution|wrong/\\S+)\\s+\\w+ [\\d.]+ s\\n.*"), first.stdout());
        assertEquals(0, second.exitCode(), second.all());
        assertFalse(second.stdout().contains("Slowest gradings"), "nothing was graded: " + second.stdout());
        assertTrue(second.stdout().contains("counter-atomic: unchanged since it was found consistent"), second.stdout());
        assertTrue(second.stdout().contains("Ran 0 gradings"), second.stdout());
        assertTrue(second.stdout().matches("(?s).*races\\s+1\\s+1/1\\s+1/1\\s+5/5.*"), second.stdout());
        assertTrue(third.stdout().contains("counter-atomic: starter fails"), third.stdout());
    }

    @Test
    void format_errors_are_reported_as_file_line_column_all_at_once() throws Exception {
        Path course = Courses.copyOfCourse(temp);
        Path lesson = course.resolve("lessons/races/lesson.yaml");
        String yaml = Files.readString(lesson)
                .replace("title: Fix the counter with an atomic", "titel: Fix the counter with an atomic")
                .replace("time-limit: 30s\n    tags: [race, locks, cpu-bound]\n    jvm-options: *racy",
                        "time-limit: forever\n    tags: [race, locks, cpu-bound]\n    jvm-options: *racy");
        Files.writeString(lesson, yaml);

        RunScript.Run run = RunScript.run("--course", course.toString(), "validate");

        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.stderr().matches("(?s).*lessons/races/lesson\\.yaml:\\d+:\\d+: unknown key 'titel'.*did you mean 'title'\\?.*"),
                run.stderr());
        assertTrue(run.stderr().matches("(?s).*lessons/races/lesson\\.yaml:\\d+:\\d+: missing required key 'title'.*"),
                run.stderr());
        assertTrue(run.stderr().matches("(?s).*lessons/races/lesson\\.yaml:\\d+:\\d+: time-limit 'forever'.*"), run.stderr());
        assertTrue(run.stderr().contains("3 problems in the course files."), run.stderr());
    }

    @Test
    void a_yaml_syntax_error_points_at_the_spot() throws Exception {
        Path course = Courses.copyOfCourse(temp);
        Files.writeString(course.resolve("lessons/course.yaml"), "format: 1\ntitle: [unclosed\nlessons:\n  - races\n");

        RunScript.Run run = RunScript.run("--course", course.toString(), "list");

        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.stderr().matches("(?s)lessons/course\\.yaml:\\d+:\\d+: not valid YAML.*"), run.stderr());
    }
}
