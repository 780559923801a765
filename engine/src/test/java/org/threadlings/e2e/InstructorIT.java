package org.threadlings.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What course authors rely on: validate, and lesson-format errors reported all at once. */
class InstructorIT {

    @TempDir
    Path temp;

    @Test
    void the_course_is_consistent() throws Exception {
        RunScript.Run run = RunScript.run("validate");

        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.stdout().contains("counter-synchronized: starter fails"), run.stdout());
        assertTrue(run.stdout().contains("The course is consistent."), run.stdout());
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
