package org.threadlings.loading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadlings.course.Course;
import org.threadlings.course.Example;
import org.threadlings.course.Exercise;
import org.threadlings.course.Lesson;
import org.threadlings.course.QuizQuestion;

/** A valid course loads into exactly the records its files describe. */
class CourseLoaderTest {

    private static final String POOLS = """
            format: 1
            id: pools
            title: Thread pools
            summary: >-
              Why pools beat
              one thread per task.
            sections:
              - title: Inline
                text: |
                  # Heading
                  Some *text*.
              - title: From a file
                file: text/01-pools.md
            examples:
              - id: pool-demo
                title: A pool at work
                description: Shows a pool.
                file: examples/PoolDemo.java
                uses: [sum-pool, counter]
                args: [8, "--verbose"]
                time-limit: 1500ms
              - id: plain-demo
                title: Defaults
                file: examples/PlainDemo.java
            exercises:
              - id: sum-pool
                title: Sum with a pool
                files: [pools/Summer.java, pools/Chunks.java]
                task: Split the work.
                hints:
                  - First hint.
                  - Second hint.
                checks: [checks/SummerCheck.java, checks/Shared.java]
                time-limit: 2m
                tags: [executors, cpu-bound]
                jvm-options: &quiet
                  # a comment inside the anchored list is not an option
                  - -XX:CompileCommand=quiet
                  - -Xss512k
              - id: sum-shutdown
                title: Shut the pool down
                files: [pools/Shutdown.java]
                task: Call shutdown.
                checks: [checks/ShutdownCheck.java]
                jvm-options: *quiet
            quiz:
              - id: why-pool
                question: Why a pool?
                choices:
                  - text: Threads are free.
                    feedback: They are not.
                  - text: Reusing threads saves creating them.
                    correct: true
                explanation: Creating threads costs time and memory.
            """;

    @TempDir
    Path tmp;

    private CourseFolder folder;

    @BeforeEach
    void writeCourse() {
        folder = new CourseFolder(tmp);
        folder.withBasicsLesson().course("pools", "basics");
        folder.lesson("pools", POOLS)
                .write("lessons/pools/text/01-pools.md", "## Pools\n\nReuse threads.\n")
                .touch("lessons/pools/examples/PoolDemo.java")
                .touch("lessons/pools/examples/PlainDemo.java")
                .touch("lessons/pools/checks/SummerCheck.java")
                .touch("lessons/pools/checks/Shared.java")
                .touch("lessons/pools/checks/ShutdownCheck.java")
                .touch("solutions/pools/Summer.java")
                .touch("solutions/pools/Chunks.java")
                .touch("solutions/pools/Shutdown.java");
    }

    private Path lessons() {
        return tmp.toAbsolutePath().normalize().resolve("lessons");
    }

    @Test
    @DisplayName("lessons come in the order course.yaml lists them, with their ids, titles and summaries")
    void lessonsInListedOrder() {
        Course course = folder.load();
        assertEquals("Test course", course.title());
        assertEquals(lessons(), course.lessonsDir());
        assertEquals(List.of("pools", "basics"), course.lessons().stream().map(Lesson::id).toList());
        Lesson pools = course.lessons().get(0);
        assertEquals("Thread pools", pools.title());
        assertEquals("Why pools beat one thread per task.", pools.summary());
        assertEquals(lessons().resolve("pools"), pools.dir());
    }

    @Test
    @DisplayName("a section's Markdown comes from inline text or from a file in the lesson folder")
    void sections() {
        Lesson pools = folder.load().lesson("pools").orElseThrow();
        assertEquals(2, pools.sections().size());
        assertEquals("Inline", pools.sections().get(0).title());
        assertEquals("# Heading\nSome *text*.\n", pools.sections().get(0).markdown());
        assertEquals("From a file", pools.sections().get(1).title());
        assertEquals("## Pools\n\nReuse threads.\n", pools.sections().get(1).markdown());
    }

    @Test
    @DisplayName("examples carry their source, the exercises they use, their arguments and time limit")
    void examples() {
        Course course = folder.load();
        Example demo = course.example("pool-demo").orElseThrow();
        assertEquals("pools", demo.lessonId());
        assertEquals("A pool at work", demo.title());
        assertEquals("Shows a pool.", demo.description());
        assertEquals(lessons().resolve("pools/examples/PoolDemo.java"), demo.source());
        assertEquals(List.of("sum-pool", "counter"), demo.usesExercises(),
                "an example may use exercises of any lesson, even a later one");
        assertEquals(List.of("8", "--verbose"), demo.args(), "numbers are passed as the text written");
        assertEquals(Duration.ofMillis(1500), demo.timeLimit());
    }

    @Test
    @DisplayName("an example's optional keys default to nothing and a 30 s time limit")
    void exampleDefaults() {
        Example plain = folder.load().example("plain-demo").orElseThrow();
        assertEquals("", plain.description());
        assertEquals(List.of(), plain.usesExercises());
        assertEquals(List.of(), plain.args());
        assertEquals(Duration.ofSeconds(30), plain.timeLimit());
    }

    @Test
    @DisplayName("exercises carry files, task, hints, checks, time limit, tags and JVM options")
    void exercises() {
        Course course = folder.load();
        Exercise sum = course.exercise("sum-pool").orElseThrow();
        assertEquals("pools", sum.lessonId());
        assertEquals("Sum with a pool", sum.title());
        assertEquals(List.of("pools/Summer.java", "pools/Chunks.java"), sum.files());
        assertEquals("Split the work.", sum.task());
        assertEquals(List.of("First hint.", "Second hint."), sum.hints());
        assertEquals(List.of(lessons().resolve("pools/checks/SummerCheck.java"),
                lessons().resolve("pools/checks/Shared.java")), sum.checks());
        assertEquals(Duration.ofMinutes(2), sum.timeLimit());
        assertEquals(List.of("executors", "cpu-bound"), sum.tags());
        assertEquals(List.of("-XX:CompileCommand=quiet", "-Xss512k"), sum.jvmOptions());
        assertEquals(List.of("counter", "sum-pool", "sum-shutdown"),
                course.exercises().map(Exercise::id).sorted().toList());
    }

    @Test
    @DisplayName("an exercise's optional keys default to nothing and a 30 s time limit")
    void exerciseDefaults() {
        Exercise counter = folder.load().exercise("counter").orElseThrow();
        assertEquals("basics", counter.lessonId());
        assertEquals(List.of(), counter.hints());
        assertEquals(List.of(), counter.tags());
        assertEquals(List.of(), counter.jvmOptions());
        assertEquals(Duration.ofSeconds(30), counter.timeLimit());
    }

    @Test
    @DisplayName("an alias repeats the anchored value: both exercises get the same JVM options")
    void anchorsAndAliases() {
        Course course = folder.load();
        assertEquals(course.exercise("sum-pool").orElseThrow().jvmOptions(),
                course.exercise("sum-shutdown").orElseThrow().jvmOptions());
    }

    @Test
    @DisplayName("a quiz question has its choices in order, exactly one correct, with optional feedback")
    void quiz() {
        Lesson pools = folder.load().lesson("pools").orElseThrow();
        assertEquals(1, pools.quiz().size());
        QuizQuestion question = pools.quiz().get(0);
        assertEquals("why-pool", question.id());
        assertEquals("Why a pool?", question.question());
        assertEquals(List.of(
                new QuizQuestion.Choice("Threads are free.", false, "They are not."),
                new QuizQuestion.Choice("Reusing threads saves creating them.", true, "")), question.choices());
        assertEquals(1, question.correctIndex());
        assertEquals("Creating threads costs time and memory.", question.explanation());
    }

    @Test
    @DisplayName("examples and quiz are optional; a lesson without them has none")
    void optionalParts() {
        Lesson basics = folder.load().lesson("basics").orElseThrow();
        assertTrue(basics.examples().isEmpty());
        assertTrue(basics.quiz().isEmpty());
        assertFalse(basics.exercises().isEmpty());
    }

    @Test
    @DisplayName("a single value is accepted where a list is expected, as a list of one")
    void singleValueAsList() {
        folder.write("lessons/course.yaml", "format: 1\ntitle: One\nlessons: basics\n");
        folder.basics(CourseFolder.BASICS.replace("    task: Make it exact.\n",
                "    task: Make it exact.\n    hints: Only one hint.\n    tags: race\n"));
        Course course = folder.load();
        assertEquals(List.of("basics"), course.lessons().stream().map(Lesson::id).toList());
        Exercise counter = course.exercise("counter").orElseThrow();
        assertEquals(List.of("Only one hint."), counter.hints());
        assertEquals(List.of("race"), counter.tags());
    }

    @Test
    @DisplayName("the time limits 1 ms and 10 m are both allowed")
    void timeLimitBounds() {
        folder.basics(CourseFolder.BASICS + """
                  - id: quick
                    title: Quick
                    files: [basics/Quick.java]
                    task: Be quick.
                    checks: [checks/CounterCheck.java]
                    time-limit: 1ms
                  - id: slow
                    title: Slow
                    files: [basics/Slow.java]
                    task: Take your time.
                    checks: [checks/CounterCheck.java]
                    time-limit: 10m
                """).touch("solutions/basics/Quick.java").touch("solutions/basics/Slow.java");
        Course course = folder.load();
        assertEquals(Duration.ofMillis(1), course.exercise("quick").orElseThrow().timeLimit());
        assertEquals(Duration.ofMinutes(10), course.exercise("slow").orElseThrow().timeLimit());
    }

    @Test
    @DisplayName("the course shipped in lessons/ loads")
    void realCourse() throws CourseFormatException {
        // Tests run in the engine module's folder; the course is the repository around it.
        Course course = new CourseLoader(Path.of("..")).load();
        assertFalse(course.lessons().isEmpty());
        course.lessons().forEach(lesson -> assertFalse(lesson.exercises().isEmpty(), lesson.id()));
    }

    @Test
    @DisplayName("the tests' own course loads, with JVM options shared through a YAML anchor")
    void testsCourse() throws CourseFormatException {
        Course course = new CourseLoader(Path.of("src/test/course")).load();
        Lesson races = course.lesson("races").orElseThrow();
        assertEquals(List.of("counter-synchronized", "counter-atomic", "counter-lock"),
                races.exercises().stream().map(Exercise::id).toList());
        List<String> racy = races.exercises().get(0).jvmOptions();
        assertFalse(racy.isEmpty());
        races.exercises().forEach(e -> assertEquals(racy, e.jvmOptions(), e.id()));
    }
}
