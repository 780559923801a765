package org.threadlings.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A student's way through the race-conditions lesson in the real full-screen UI, in a real
 * terminal (tmux): read, run the demo, fix the three counters in an editor (or with the file saved
 * from elsewhere), see each verdict turn to PASS on save, answer the quiz, and see the progress.
 */
class CourseUiIT {

    private static final long GRADING = 60_000;

    @TempDir
    Path temp;

    @Test
    void through_the_race_lesson_without_leaving_the_ui() throws Exception {
        assumeTrue(Tmux.available(), "tmux is not installed");
        Path course = Courses.copyOfCourse(temp.resolve("course"));
        Path editor = fakeEditor(course);
        String command = "EDITOR=" + editor + " " + RunScript.ROOT.resolve("run.sh") + " --course " + course
                + "; echo UI-EXITED-$?; sleep 60";
        try (Tmux tmux = Tmux.start(command, 100, 30)) {
            tmux.await("course map", 30_000);
            tmux.await("0 of 3 exercises done", 5_000);

            // read the lesson
            tmux.keys("Home", "o");
            tmux.await("1 Read", 5_000);
            tmux.keys("n", "n");
            tmux.await("2. Why count++ is three steps", 5_000);

            // run the demo
            tmux.keys("2", "Enter");
            String demo = tmux.await("finished in", 30_000);
            assertTrue(demo.contains("round 5: count ="), demo);
            tmux.keys("q");

            // first counter: fixed in the editor, graded on save
            tmux.keys("3", "Enter");
            tmux.await("Threadlings · counter-synchronized", 5_000);
            tmux.await("watching: saving the file checks it", 5_000);
            tmux.keys("e");
            String first = tmux.await("Well done! Press n for the next exercise", GRADING);
            assertTrue(first.contains("PASS  3 of 3 checks passed"), first);
            assertTrue(first.contains("after you saved"), first);

            // second counter: saved from outside the UI
            tmux.keys("n");
            tmux.await("Threadlings · counter-atomic", 5_000);
            Files.copy(course.resolve("solutions/races/AtomicCounter.java"), course.resolve("exercises/races/AtomicCounter.java"),
                    StandardCopyOption.REPLACE_EXISTING);
            tmux.await("Well done! Press n for the next exercise", GRADING);

            // third counter: the editor again
            tmux.keys("n");
            tmux.await("Threadlings · counter-lock", 5_000);
            tmux.keys("e");
            tmux.await("That was the last exercise still to do", GRADING);
            tmux.await("3/3 done", 5_000);

            // the quiz
            tmux.keys("q");
            tmux.await("Threadlings · Race conditions", 5_000);
            tmux.keys("4", "Enter");
            tmux.await("a) The JVM runs only one thread at a time", 5_000);
            tmux.keys("b");
            tmux.await("Right.", 5_000);

            // back on the map, everything is done
            tmux.keys("q", "q");
            tmux.await("Threadlings · course map", 5_000);
            tmux.await("3 of 3 exercises done", 5_000);
            tmux.keys("q");
            tmux.await("UI-EXITED-0", 10_000);
        }
        String progress = Files.readString(course.resolve(".threadlings/progress.json"));
        assertTrue(progress.contains("\"races/why-lost\""), progress);
    }

    /** An "editor" that writes the reference solution over the file it is given, like a student would. */
    private Path fakeEditor(Path course) throws Exception {
        Path script = temp.resolve("editor.sh");
        Files.writeString(script, "#!/bin/sh\ncp \"" + course.resolve("solutions/races") + "/$(basename \"$1\")\" \"$1\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
