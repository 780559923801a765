package org.threadlings.loading;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.threadlings.loading.CourseFolder.BASICS_FILE;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every course file says which lesson format it is written in, and only format 1 is read. */
class FormatVersionTest {

    private static final String COURSE_FILE = "lessons/course.yaml";

    @TempDir
    Path tmp;

    private CourseFolder folder;

    @BeforeEach
    void writeCourse() {
        folder = new CourseFolder(tmp).withBasicsLesson();
    }

    @Test
    @DisplayName("a course file without 'format' is rejected")
    void missingInCourse() {
        folder.write(COURSE_FILE, "title: Test course\nlessons: [basics]\n");
        folder.onlyProblem(COURSE_FILE + ":1:1", "missing required key 'format'");
    }

    @Test
    @DisplayName("a lesson file without 'format' is rejected")
    void missingInLesson() {
        folder.basics(CourseFolder.BASICS.replace("format: 1\n", ""));
        folder.onlyProblem(BASICS_FILE + ":1:1", "missing required key 'format'");
    }

    @Test
    @DisplayName("a newer format asks for a newer Threadlings")
    void newerFormat() {
        folder.basics(CourseFolder.BASICS.replace("format: 1", "format: 2"));
        folder.onlyProblem(BASICS_FILE + ":1:9", "lesson format 2", "reads format 1", "update Threadlings");
    }

    @ParameterizedTest(name = "format: {0}")
    @ValueSource(strings = {"0", "-1"})
    @DisplayName("an older or impossible format is rejected, without advice to update")
    void olderFormat(String version) {
        folder.write(COURSE_FILE, "format: " + version + "\ntitle: Test course\nlessons: [basics]\n");
        Problem problem = folder.onlyProblem(COURSE_FILE + ":1:9", "lesson format " + version, "reads format 1");
        assertFalse(problem.message().contains("update"), problem.message());
    }

    @ParameterizedTest(name = "format: {0}")
    @ValueSource(strings = {"one", "1.0", "\"1\"", "99999999999", "[1]"})
    @DisplayName("a format that is not a whole number is rejected")
    void notAWholeNumber(String version) {
        folder.write(COURSE_FILE, "format: " + version + "\ntitle: Test course\nlessons: [basics]\n");
        folder.onlyProblem(COURSE_FILE + ":1:9", "'format' must be a whole number");
    }
}
