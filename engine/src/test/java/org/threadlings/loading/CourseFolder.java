package org.threadlings.loading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.threadlings.course.Course;

/**
 * A course folder written file by file inside a test's temporary directory, plus the assertions
 * the loader tests share. {@link #withBasicsLesson()} lays down a small valid course, so that a
 * test can break exactly one thing and expect exactly one problem.
 */
final class CourseFolder {

    /** A lesson that loads cleanly once {@link #withBasicsLesson()} has written its files. */
    static final String BASICS = """
            format: 1
            id: basics
            title: Basics
            summary: A tiny lesson.
            sections:
              - title: Intro
                text: Hello.
            exercises:
              - id: counter
                title: Fix the counter
                files: [basics/Counter.java]
                task: Make it exact.
                checks: [checks/CounterCheck.java]
            """;

    static final String BASICS_FILE = "lessons/basics/lesson.yaml";

    private final Path root;

    CourseFolder(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** Writes {@code text} to {@code path} (relative to the course root), creating folders. */
    CourseFolder write(String path, String text) {
        Path file = root.resolve(path);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes raw {@code bytes} to {@code path}, for encodings and characters text cannot carry. */
    CourseFolder writeBytes(String path, byte[] bytes) {
        Path file = root.resolve(path);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A file whose content does not matter to the loader, only its existence. */
    CourseFolder touch(String path) {
        return write(path, "// present\n");
    }

    /** {@code lessons/course.yaml} listing {@code lessonDirs} in this order. */
    CourseFolder course(String... lessonDirs) {
        String list = Arrays.stream(lessonDirs).map(d -> "  - " + d + "\n").collect(Collectors.joining());
        return write("lessons/course.yaml", "format: 1\ntitle: Test course\nlessons:\n" + list);
    }

    CourseFolder lesson(String dir, String yaml) {
        return write("lessons/" + dir + "/lesson.yaml", yaml);
    }

    /** The course with only the basics lesson, its check and its reference solution. */
    CourseFolder withBasicsLesson() {
        course("basics");
        lesson("basics", BASICS);
        touch("lessons/basics/checks/CounterCheck.java");
        touch("solutions/basics/Counter.java");
        return this;
    }

    /** Replaces the basics lesson file, keeping its other files. */
    CourseFolder basics(String yaml) {
        return lesson("basics", yaml);
    }

    Course load() {
        try {
            return new CourseLoader(root).load();
        } catch (CourseFormatException e) {
            return fail("expected the course to load, but:\n" + e.getMessage());
        }
    }

    List<Problem> problems() {
        CourseFormatException e = assertThrows(CourseFormatException.class, () -> new CourseLoader(root).load(),
                "expected the course to be rejected");
        return e.problems();
    }

    /** Asserts the course is rejected with exactly one problem, at {@code where}, saying all of {@code words}. */
    Problem onlyProblem(String where, String... words) {
        List<Problem> problems = problems();
        assertEquals(1, problems.size(), () -> "expected one problem, got:\n" + lines(problems));
        return expect(problems, where, words);
    }

    /** Asserts one of {@code problems} is at {@code where} ("file:line:col") and says all of {@code words}. */
    static Problem expect(List<Problem> problems, String where, String... words) {
        for (Problem p : problems) {
            String at = p.file() + ":" + p.line() + ":" + p.column();
            if (at.equals(where) && Arrays.stream(words).allMatch(p.message()::contains)) {
                return p;
            }
        }
        return fail("no problem at " + where + " saying " + Arrays.toString(words) + "; got:\n" + lines(problems));
    }

    static String lines(List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }
}
