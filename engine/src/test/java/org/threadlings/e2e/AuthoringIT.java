package org.threadlings.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an author does first: lay out a lesson and an exercise, and have validate accept them at once. */
class AuthoringIT {

    @TempDir
    Path temp;

    @Test
    void a_new_lesson_and_exercise_validate_with_the_solution_still_to_write() throws Exception {
        Path course = Courses.copyOfCourse(temp);
        Files.writeString(course.resolve("lessons/course.yaml"),
                "# The course, with a comment the scaffold must keep.\nformat: 1\ntitle: Threadlings\nlessons:\n  - races\n");

        RunScript.Run lesson = RunScript.run("--course", course.toString(), "new", "lesson", "pools");
        assertEquals(0, lesson.exitCode(), lesson.all());
        RunScript.Run exercise = RunScript.run("--course", course.toString(), "new", "exercise", "pools", "name-list",
                "--kind", "structure");
        assertEquals(0, exercise.exitCode(), exercise.all());
        assertTrue(exercise.stdout().contains("./run.sh validate --update-lock pools"), exercise.stdout());

        String courseYaml = Files.readString(course.resolve("lessons/course.yaml"));
        assertTrue(courseYaml.startsWith("# The course, with a comment the scaffold must keep.\n"), courseYaml);
        assertTrue(courseYaml.endsWith("  - races\n  - pools\n"), courseYaml);
        assertTrue(Files.isRegularFile(course.resolve("lessons/pools/wrong/name-list/forgot-unlock/pools/NameList.java")));

        RunScript.Run validate = RunScript.run("--course", course.toString(), "validate", "--update-lock", "pools");

        assertEquals(0, validate.exitCode(), validate.all());
        assertTrue(validate.stdout().contains("name-list: starter fails 'locks' (check 1 of 2; the rest not run), solution STILL TO WRITE, "
                + "1 of 1 wrong answers caught by their check"), validate.stdout());
        assertTrue(validate.stdout().contains("pending: solutions/pools/NameList.java"), validate.stdout());
        assertTrue(validate.stdout().contains("still to write (name-list)"), validate.stdout());
        assertTrue(Files.readString(course.resolve("lessons/starters.lock")).contains("pools/NameList.java"));
    }

    @Test
    void every_command_takes_its_course_from_the_option_or_the_environment() throws Exception {
        Path course = Courses.copyOfCourse(temp); // the tests' course, one lesson: the real course lists more

        RunScript.Run byVariable = RunScript.runWith(Map.of("THREADLINGS_COURSE", course.toString()), "list");
        RunScript.Run byOption = RunScript.runWith(Map.of("THREADLINGS_COURSE", temp.resolve("nowhere").toString()),
                "list", "--course", course.toString());
        RunScript.Run real = RunScript.run("--course", RunScript.ROOT.toString(), "list");

        assertEquals(0, byVariable.exitCode(), byVariable.all());
        assertEquals(0, byOption.exitCode(), byOption.all());
        assertEquals(byVariable.stdout(), byOption.stdout(), "the option wins over the variable");
        assertTrue(byVariable.stdout().contains("counter-atomic"), byVariable.stdout());
        assertTrue(real.stdout().length() > byVariable.stdout().length(), real.stdout());
    }

    @Test
    void a_lesson_id_that_cannot_be_a_package_is_refused() throws Exception {
        Path course = Courses.copyOfCourse(temp);

        RunScript.Run run = RunScript.run("--course", course.toString(), "new", "lesson", "Thread-Pools");

        assertEquals(2, run.exitCode(), run.all());
        assertTrue(run.stderr().contains("lower-case letters and digits"), run.stderr());
        assertTrue(Files.notExists(course.resolve("lessons/Thread-Pools")));
    }
}
