package org.threadlings.loading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.threadlings.loading.CourseFolder.BASICS_FILE;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Mistakes inside one lesson file: ids, the files it names, time limits, sections and the quiz. */
class LessonProblemsTest {

    @TempDir
    Path tmp;

    private CourseFolder folder;

    @BeforeEach
    void writeCourse() {
        folder = new CourseFolder(tmp).withBasicsLesson();
    }

    /** The basics lesson with one more exercise, whose lines start at line 14. */
    private void withExercise(String exercise) {
        folder.basics(CourseFolder.BASICS + exercise);
    }

    @ParameterizedTest(name = "id: {0}")
    @ValueSource(strings = {"Basics", "basics_1", "two--dashes", "-lead", "trail-", "with space", "café", "\"\""})
    @DisplayName("a lesson id must be lower-case letters, digits and single dashes")
    void badLessonId(String id) {
        folder.basics(CourseFolder.BASICS.replace("id: basics", "id: " + id));
        folder.onlyProblem(BASICS_FILE + ":2:5", "lesson id", "must be lower-case letters, digits and single dashes");
    }

    @Test
    @DisplayName("exercise, example and quiz question ids follow the same rule")
    void badIdsOfEveryKind() {
        folder.touch("lessons/basics/examples/Demo.java");
        folder.basics("""
                format: 1
                id: basics
                title: Basics
                summary: A tiny lesson.
                sections:
                  - title: Intro
                    text: Hello.
                examples:
                  - id: Demo
                    title: Demo
                    file: examples/Demo.java
                exercises:
                  - id: counter_fix
                    title: Fix the counter
                    files: [basics/Counter.java]
                    task: Make it exact.
                    checks: [checks/CounterCheck.java]
                quiz:
                  - id: q 1
                    question: Which?
                    choices:
                      - text: This one.
                        correct: true
                      - text: That one.
                    explanation: Because.
                """);
        List<Problem> problems = folder.problems();
        assertEquals(3, problems.size(), () -> CourseFolder.lines(problems));
        CourseFolder.expect(problems, BASICS_FILE + ":9:9", "example id 'Demo' must be");
        CourseFolder.expect(problems, BASICS_FILE + ":13:9", "exercise id 'counter_fix' must be");
        CourseFolder.expect(problems, BASICS_FILE + ":19:9", "quiz question id 'q 1' must be");
    }

    @Test
    @DisplayName("ids made of digits, or of words and digits, are fine")
    void goodIds() {
        folder.basics(CourseFolder.BASICS.replace("id: basics", "id: 2-threads-2").replace("id: counter", "id: x1"));
        folder.load();
    }

    @Test
    @DisplayName("two exercises of one lesson with the same id are reported, naming the first")
    void duplicateExerciseIdInOneLesson() {
        folder.touch("solutions/basics/Other.java");
        withExercise("""
                  - id: counter
                    title: Another counter
                    files: [basics/Other.java]
                    task: Again.
                    checks: [checks/CounterCheck.java]
                """);
        folder.onlyProblem(BASICS_FILE + ":14:5", "duplicate exercise id 'counter'",
                "first defined at " + BASICS_FILE + ":9");
    }

    @Test
    @DisplayName("two examples of one lesson with the same id are reported, naming the first")
    void duplicateExampleIdInOneLesson() {
        folder.touch("lessons/basics/examples/Demo.java");
        folder.basics(CourseFolder.BASICS + """
                examples:
                  - id: demo
                    title: One
                    file: examples/Demo.java
                  - id: demo
                    title: Two
                    file: examples/Demo.java
                    uses: [nothing-like-this]
                """);
        List<Problem> problems = folder.problems();
        assertEquals(2, problems.size(), () -> CourseFolder.lines(problems));
        CourseFolder.expect(problems, BASICS_FILE + ":18:5", "duplicate example id 'demo'",
                "first defined at " + BASICS_FILE + ":15");
        // The second example's uses are still checked, although its id was taken.
        CourseFolder.expect(problems, BASICS_FILE + ":21:12", "uses unknown exercise 'nothing-like-this'");
    }

    @Test
    @DisplayName("two quiz questions of one lesson with the same id are reported")
    void duplicateQuizId() {
        String question = """
                  - id: same
                    question: Which?
                    choices:
                      - text: This one.
                        correct: true
                      - text: That one.
                    explanation: Because.
                """;
        folder.basics(CourseFolder.BASICS + "quiz:\n" + question + question);
        folder.onlyProblem(BASICS_FILE + ":22:5", "duplicate quiz question id 'same'");
    }

    @ParameterizedTest(name = "tags: [{0}]")
    @ValueSource(strings = {"CPU", "cpu_bound", "cpu bound"})
    @DisplayName("a tag must be lower-case words joined by dashes")
    void badTag(String tag) {
        folder.basics(CourseFolder.BASICS + "    tags: [race, " + tag + "]\n");
        folder.onlyProblem(BASICS_FILE + ":14:18", "tag '" + tag + "'", "like 'cpu-bound'");
    }

    @Test
    @DisplayName("a JVM option must start with a dash")
    void badJvmOption() {
        folder.basics(CourseFolder.BASICS + "    jvm-options: [-Xss1m, Xmx1g]\n");
        folder.onlyProblem(BASICS_FILE + ":14:27", "JVM option 'Xmx1g' must start with '-'");
    }

    @Test
    @DisplayName("a section file that does not exist names the path from the course root")
    void missingSectionFile() {
        folder.basics(CourseFolder.BASICS.replace("text: Hello.", "file: text/intro.md"));
        folder.onlyProblem(BASICS_FILE + ":7:11", "file not found: lessons/basics/text/intro.md");
    }

    @Test
    @DisplayName("a check file that does not exist is reported at its list item")
    void missingCheckFile() {
        folder.basics(CourseFolder.BASICS.replace("checks: [checks/CounterCheck.java]",
                "checks: [checks/CounterCheck.java, checks/Helper.java]"));
        folder.onlyProblem(BASICS_FILE + ":13:40", "file not found: lessons/basics/checks/Helper.java");
    }

    @Test
    @DisplayName("an example file that does not exist is reported")
    void missingExampleFile() {
        folder.basics(CourseFolder.BASICS + """
                examples:
                  - id: demo
                    title: Demo
                    file: examples/Demo.java
                """);
        folder.onlyProblem(BASICS_FILE + ":17:11", "file not found: lessons/basics/examples/Demo.java");
    }

    @Test
    @DisplayName("a lesson file may not point outside its lesson folder, even at a file that exists")
    void pathEscapingTheLesson() {
        folder.touch("lessons/other/checks/Check.java");
        folder.basics(CourseFolder.BASICS.replace("checks: [checks/CounterCheck.java]",
                "checks: [../other/checks/Check.java]"));
        folder.onlyProblem(BASICS_FILE + ":13:14", "'../other/checks/Check.java' must be inside the lesson folder");
    }

    @Test
    @DisplayName("a path that leaves and re-enters the lesson folder is fine")
    void pathThroughParentBackInside() {
        folder.basics(CourseFolder.BASICS.replace("checks: [checks/CounterCheck.java]",
                "checks: [../basics/checks/CounterCheck.java]"));
        folder.load();
    }

    @Test
    @DisplayName("sections must be .md files; checks and examples must be .java files")
    void wrongExtensions() {
        folder.touch("lessons/basics/text/intro.txt");
        folder.touch("lessons/basics/checks/CounterCheck.kt");
        folder.touch("lessons/basics/examples/Demo.class");
        folder.basics("""
                format: 1
                id: basics
                title: Basics
                summary: A tiny lesson.
                sections:
                  - title: Intro
                    file: text/intro.txt
                examples:
                  - id: demo
                    title: Demo
                    file: examples/Demo.class
                exercises:
                  - id: counter
                    title: Fix the counter
                    files: [basics/Counter.java]
                    task: Make it exact.
                    checks: [checks/CounterCheck.kt]
                """);
        List<Problem> problems = folder.problems();
        assertEquals(3, problems.size(), () -> CourseFolder.lines(problems));
        CourseFolder.expect(problems, BASICS_FILE + ":7:11", "'text/intro.txt' must be a .md file");
        CourseFolder.expect(problems, BASICS_FILE + ":11:11", "'examples/Demo.class' must be a .java file");
        CourseFolder.expect(problems, BASICS_FILE + ":17:14", "'checks/CounterCheck.kt' must be a .java file");
    }

    @Test
    @DisplayName("a student file needs a reference solution under solutions/")
    void studentFileWithoutSolution() {
        folder.basics(CourseFolder.BASICS.replace("files: [basics/Counter.java]",
                "files: [basics/Counter.java, basics/Helper.java]"));
        folder.onlyProblem(BASICS_FILE + ":11:34", "no reference solution",
                "solutions/basics/Helper.java does not exist");
    }

    @ParameterizedTest(name = "files: [{0}]")
    @ValueSource(strings = {"/basics/Counter.java", "../basics/Counter.java", "basics/../../Counter.java",
            "basics/Counter.txt", "basics/Counter"})
    @DisplayName("a student file must be a .java path relative to exercises/")
    void badStudentFile(String file) {
        folder.basics(CourseFolder.BASICS.replace("files: [basics/Counter.java]", "files: [\"" + file + "\"]"));
        folder.onlyProblem(BASICS_FILE + ":11:13", "must be a .java path relative to exercises/");
    }

    @ParameterizedTest(name = "time-limit: {0}")
    @ValueSource(strings = {"soon", "20", "1.5s", "1h", "-5s", "20 seconds", "1000000ms"})
    @DisplayName("a time limit must look like 1500ms, 20s or 2m")
    void badTimeLimit(String limit) {
        folder.basics(CourseFolder.BASICS + "    time-limit: " + limit + "\n");
        folder.onlyProblem(BASICS_FILE + ":14:17", "time-limit '" + limit + "' must look like 1500ms, 20s or 2m");
    }

    @ParameterizedTest(name = "time-limit: {0}")
    @ValueSource(strings = {"0s", "0ms", "11m", "601s", "600001ms"})
    @DisplayName("a time limit must be more than zero and at most ten minutes")
    void timeLimitOutOfRange(String limit) {
        folder.basics(CourseFolder.BASICS + "    time-limit: " + limit + "\n");
        folder.onlyProblem(BASICS_FILE + ":14:17", "time-limit must be more than 0 and at most 10m");
    }

    @Test
    @DisplayName("an example's time limit is checked like an exercise's")
    void badExampleTimeLimit() {
        folder.touch("lessons/basics/examples/Demo.java");
        folder.basics(CourseFolder.BASICS + """
                examples:
                  - id: demo
                    title: Demo
                    file: examples/Demo.java
                    time-limit: 20min
                """);
        folder.onlyProblem(BASICS_FILE + ":18:17", "time-limit '20min' must look like");
    }

    @Test
    @DisplayName("a time limit given as a list is one problem, not two")
    void timeLimitAsList() {
        folder.basics(CourseFolder.BASICS + "    time-limit: [20s]\n");
        folder.onlyProblem(BASICS_FILE + ":14:17", "'time-limit' must be a single value, not a list");
    }

    @Test
    @DisplayName("a section needs exactly one of 'text' and 'file'")
    void sectionTextOrFile() {
        folder.write("lessons/basics/text/intro.md", "# Intro\n");
        folder.basics(CourseFolder.BASICS.replace("    text: Hello.\n", "    text: Hello.\n    file: text/intro.md\n"));
        folder.onlyProblem(BASICS_FILE + ":6:5", "exactly one of 'text'", "or 'file'");

        folder.basics(CourseFolder.BASICS.replace("    text: Hello.\n", ""));
        folder.onlyProblem(BASICS_FILE + ":6:5", "exactly one of 'text'", "or 'file'");
    }

    private static String quiz(String choices) {
        return CourseFolder.BASICS + """
                quiz:
                  - id: q
                    question: Which?
                    choices:
                """ + choices + "    explanation: Because.\n";
    }

    @Test
    @DisplayName("a quiz question with no correct choice says how many it found")
    void noCorrectChoice() {
        folder.basics(quiz("""
                      - text: This one.
                      - text: That one.
                        correct: false
                """));
        folder.onlyProblem(BASICS_FILE + ":15:5", "exactly one choice marked 'correct: true'", "found 0");
    }

    @Test
    @DisplayName("a quiz question with two correct choices says how many it found")
    void twoCorrectChoices() {
        folder.basics(quiz("""
                      - text: This one.
                        correct: true
                      - text: That one.
                        correct: true
                """));
        folder.onlyProblem(BASICS_FILE + ":15:5", "exactly one choice marked 'correct: true'", "found 2");
    }

    @Test
    @DisplayName("a quiz question with a single choice is no question")
    void singleChoice() {
        folder.basics(quiz("""
                      - text: The only one.
                        correct: true
                """));
        folder.onlyProblem(BASICS_FILE + ":15:5", "at least two choices");
    }

    @Test
    @DisplayName("a quiz question with no choices at all")
    void noChoices() {
        folder.basics(quiz("      []\n"));
        folder.onlyProblem(BASICS_FILE + ":18:7", "'choices' must not be empty");
    }

    @Test
    @DisplayName("a quiz choice needs its text, and knows only text, correct and feedback")
    void choiceKeys() {
        folder.basics(quiz("""
                      - correct: true
                      - text: That one.
                        feedbak: No.
                """));
        List<Problem> problems = folder.problems();
        assertEquals(2, problems.size(), () -> CourseFolder.lines(problems));
        CourseFolder.expect(problems, BASICS_FILE + ":18:9", "missing required key 'text'");
        CourseFolder.expect(problems, BASICS_FILE + ":20:9", "unknown key 'feedbak'", "did you mean 'feedback'?");
    }
}
