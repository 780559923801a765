package org.threadlings.loading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.threadlings.loading.CourseFolder.BASICS_FILE;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes that only show across files: lesson folders that course.yaml names, and ids and
 * student files that must be unique in the whole course.
 */
class CourseProblemsTest {

    private static final String COURSE_FILE = "lessons/course.yaml";
    private static final String MORE_FILE = "lessons/more/lesson.yaml";

    /** A second lesson; its exercise mapping starts at line 9, column 5. */
    private static final String MORE = """
            format: 1
            id: more
            title: More
            summary: Another lesson.
            sections:
              - title: Intro
                text: Hello again.
            exercises:
              - id: another
                title: Another exercise
                files: [more/Another.java]
                task: Do it.
                checks: [checks/AnotherCheck.java]
            """;

    @TempDir
    Path tmp;

    private CourseFolder folder;

    @BeforeEach
    void writeCourse() {
        folder = new CourseFolder(tmp).withBasicsLesson().course("basics", "more");
        folder.lesson("more", MORE)
                .touch("lessons/more/checks/AnotherCheck.java")
                .touch("solutions/more/Another.java");
    }

    @Test
    @DisplayName("the two-lesson course of these tests is valid to begin with")
    void validToBeginWith() {
        assertEquals(2, folder.load().lessons().size());
    }

    @Test
    @DisplayName("a course without lessons/course.yaml")
    void noCourseFile() {
        folder.root().resolve(COURSE_FILE).toFile().delete();
        folder.onlyProblem(COURSE_FILE + ":1:1", "file not found");
    }

    @Test
    @DisplayName("a listed lesson folder that does not exist is reported at its entry in course.yaml")
    void missingLessonFolder() {
        folder.course("basics", "more", "missing");
        folder.onlyProblem(COURSE_FILE + ":6:5", "no lesson folder 'lessons/missing'");
    }

    @Test
    @DisplayName("a lesson folder without lesson.yaml is reported at its entry in course.yaml")
    void folderWithoutLessonFile() {
        folder.touch("lessons/empty/notes.md").course("basics", "more", "empty");
        folder.onlyProblem(COURSE_FILE + ":6:5", "the lesson folder 'lessons/empty' has no lesson.yaml");
    }

    @Test
    @DisplayName("a lesson folder outside lessons/ is refused, even if it exists")
    void lessonFolderOutsideLessons() {
        folder.lesson("../solutions", MORE).course("basics", "../solutions");
        folder.onlyProblem(COURSE_FILE + ":5:5", "no lesson folder 'lessons/../solutions'");
    }

    @Test
    @DisplayName("an empty entry or '.' does not name a lesson folder")
    void lessonsFolderItself() {
        folder.lesson(".", MORE).course("basics", "\"\"", ".");
        List<Problem> problems = folder.problems();
        assertEquals(2, problems.size(), () -> CourseFolder.lines(problems));
        CourseFolder.expect(problems, COURSE_FILE + ":5:5", "no lesson folder");
        CourseFolder.expect(problems, COURSE_FILE + ":6:5", "no lesson folder");
    }

    @Test
    @DisplayName("a course must list at least one lesson")
    void noLessons() {
        folder.write(COURSE_FILE, "format: 1\ntitle: Test course\nlessons: []\n");
        folder.onlyProblem(COURSE_FILE + ":3:10", "'lessons' must not be empty");
        folder.write(COURSE_FILE, "format: 1\ntitle: Test course\n");
        folder.onlyProblem(COURSE_FILE + ":1:1", "missing required key 'lessons'");
    }

    @Test
    @DisplayName("course.yaml knows only format, title and lessons")
    void unknownCourseKey() {
        folder.write(COURSE_FILE, "format: 1\ntitle: Test course\nlesson: [basics]\n");
        List<Problem> problems = folder.problems();
        assertEquals(2, problems.size(), () -> CourseFolder.lines(problems));
        CourseFolder.expect(problems, COURSE_FILE + ":1:1", "missing required key 'lessons'");
        CourseFolder.expect(problems, COURSE_FILE + ":3:1", "unknown key 'lesson'", "did you mean 'lessons'?");
    }

    @Test
    @DisplayName("two lessons with one id: the second is reported, naming where the first is")
    void duplicateLessonId() {
        folder.lesson("more", MORE.replace("id: more", "id: basics"));
        folder.onlyProblem(MORE_FILE + ":2:5", "duplicate lesson id 'basics'",
                "first defined at " + BASICS_FILE + ":2");
    }

    @Test
    @DisplayName("exercise ids are unique across lessons")
    void duplicateExerciseIdAcrossLessons() {
        folder.lesson("more", MORE.replace("id: another", "id: counter"));
        folder.onlyProblem(MORE_FILE + ":9:5", "duplicate exercise id 'counter'",
                "first defined at " + BASICS_FILE + ":9");
    }

    @Test
    @DisplayName("example ids are unique across lessons")
    void duplicateExampleIdAcrossLessons() {
        String example = """
                examples:
                  - id: demo
                    title: Demo
                    file: examples/Demo.java
                """;
        folder.touch("lessons/basics/examples/Demo.java").touch("lessons/more/examples/Demo.java");
        folder.basics(CourseFolder.BASICS + example);
        folder.lesson("more", MORE + example);
        folder.onlyProblem(MORE_FILE + ":15:5", "duplicate example id 'demo'",
                "first defined at " + BASICS_FILE + ":15");
    }

    @Test
    @DisplayName("an exercise id may equal a lesson or example id: each kind has its own ids")
    void kindsDoNotClash() {
        folder.touch("lessons/more/examples/Demo.java");
        folder.lesson("more", MORE.replace("id: another", "id: basics") + """
                examples:
                  - id: basics
                    title: Demo
                    file: examples/Demo.java
                """);
        folder.load();
    }

    @Test
    @DisplayName("a student file claimed by exercises of two lessons")
    void fileClaimedAcrossLessons() {
        folder.lesson("more", MORE.replace("files: [more/Another.java]", "files: [basics/Counter.java]"));
        folder.onlyProblem(MORE_FILE + ":9:5", "file 'basics/Counter.java' already belongs to exercise 'counter'");
    }

    @Test
    @DisplayName("a student file claimed by two exercises of one lesson")
    void fileClaimedInOneLesson() {
        folder.basics(CourseFolder.BASICS + """
                  - id: counter-again
                    title: The same file again
                    files: [basics/Counter.java]
                    task: Again.
                    checks: [checks/CounterCheck.java]
                """);
        folder.onlyProblem(BASICS_FILE + ":14:5", "file 'basics/Counter.java' already belongs to exercise 'counter'");
    }

    @Test
    @DisplayName("an example that uses an exercise no lesson defines is reported at that entry")
    void exampleUsesUnknownExercise() {
        folder.touch("lessons/more/examples/Demo.java");
        folder.lesson("more", MORE + """
                examples:
                  - id: demo
                    title: Demo
                    file: examples/Demo.java
                    uses: [another, counter, countr]
                """);
        folder.onlyProblem(MORE_FILE + ":18:30", "example 'demo' uses unknown exercise 'countr'");
    }

    @Test
    @DisplayName("a lesson folder listed twice is blamed on course.yaml, at the second entry")
    void folderListedTwice() {
        folder.course("basics", "more", "basics");
        folder.onlyProblem(COURSE_FILE + ":6:5", "lesson 'lessons/basics' is listed twice (first at line 4)");
        folder.course("basics", "more", "./basics/");
        folder.onlyProblem(COURSE_FILE + ":6:5", "lesson 'lessons/./basics/' is listed twice (first at line 4)");
    }

    @Test
    @DisplayName("every mistake in a file is reported at once, in the order of the file")
    void allMistakesOfOneFile() {
        folder.basics("""
                format: 1
                id: Basics
                title: Basics
                summary: A tiny lesson.
                sections:
                  - title: Intro
                exercises:
                  - id: counter
                    title: Fix the counter
                    files: [basics/Missing.java]
                    task: Make it exact.
                    checks: [checks/CounterCheck.java]
                    time-limit: forever
                    tgas: [race]
                """);
        List<Problem> problems = folder.problems();
        assertEquals(List.of(
                        BASICS_FILE + ":2:5",
                        BASICS_FILE + ":6:5",
                        BASICS_FILE + ":10:13",
                        BASICS_FILE + ":13:17",
                        BASICS_FILE + ":14:5"),
                problems.stream().map(p -> p.file() + ":" + p.line() + ":" + p.column()).toList(),
                () -> CourseFolder.lines(problems));
    }

    @Test
    @DisplayName("mistakes in several files come together, sorted by file, line and column")
    void mistakesOfSeveralFiles() {
        folder.write(COURSE_FILE, "format: 1\ntitle: Test course\nlessons: [basics, more, gone]\nextra: 1\n");
        folder.basics(CourseFolder.BASICS.replace("id: counter", "id: Counter").replace("summary:", "sumary:"));
        folder.lesson("more", MORE.replace("format: 1", "format: 7"));
        List<Problem> problems = folder.problems();
        List<String> where = problems.stream().map(p -> p.file() + ":" + p.line() + ":" + p.column()).toList();
        assertEquals(List.of(
                        BASICS_FILE + ":1:1", // missing summary
                        BASICS_FILE + ":4:1", // unknown key sumary
                        BASICS_FILE + ":9:9", // exercise id syntax
                        COURSE_FILE + ":3:25", // no folder gone
                        COURSE_FILE + ":4:1", // unknown key extra
                        MORE_FILE + ":1:9"), // newer format
                where, () -> CourseFolder.lines(problems));
    }

    @Test
    @DisplayName("a lesson that cannot be parsed does not stop the others from being checked")
    void brokenLessonDoesNotHideOthers() {
        folder.basics("format: 1\nid: [unclosed\n");
        folder.lesson("more", MORE.replace("title: More", "titel: More"));
        List<Problem> problems = folder.problems();
        CourseFolder.expect(problems, BASICS_FILE + ":3:1", "not valid YAML");
        CourseFolder.expect(problems, MORE_FILE + ":3:1", "unknown key 'titel'");
    }

    @Test
    @DisplayName("the exception's message lists every problem as file:line:column: message")
    void exceptionMessage() {
        folder.course("basics", "more", "gone", "missing");
        CourseFormatException e = assertThrows(CourseFormatException.class,
                () -> new CourseLoader(folder.root()).load());
        assertEquals("""
                lessons/course.yaml:6:5: no lesson folder 'lessons/gone'
                lessons/course.yaml:7:5: no lesson folder 'lessons/missing'""", e.getMessage());
        assertFalse(e.problems().isEmpty());
    }
}
