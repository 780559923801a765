package org.threadlings.tui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadlings.e2e.Courses;

/** Lesson files edited while the UI is open, in a copy of the course: reloaded in place, or their problems shown. */
class LivePreviewTest {

    private static final String SECTION_2 = "2. Why count++ is three steps";

    @TempDir
    Path dir;

    @Test
    void an_edited_section_shows_in_place_where_the_reader_was() throws Exception {
        Path course = Courses.copyOfCourse(dir.resolve("course"));
        try (UiHarness ui = new UiHarness(ScriptedCoursework.at(course), 80, 24)) {
            ui.await("counter-lock");
            awaitWatching(ui);
            ui.press(KeyType.Home).press('o');
            ui.await("1 Read");
            ui.press('n', 'n');
            ui.awaitRow(3, SECTION_2);

            Path first = course.resolve("lessons/races/text/01-ten-threads.md");
            Files.writeString(first, Files.readString(first) + "\n\nA paragraph added above.\n\nAnd one more.\n");
            Path second = course.resolve("lessons/races/text/02-read-modify-write.md");
            Files.writeString(second, "Freshly edited: this line is new.\n\n" + Files.readString(second));

            String screen = ui.await("Freshly edited: this line is new.");
            assertTrue(screen.lines().toList().get(3).contains(SECTION_2),
                    "still at the top of the same section, though the one above grew:\n" + screen);
            assertTrue(screen.contains("1 Read"), "still on the lesson's text:\n" + screen);
        }
    }

    @Test
    void a_broken_lesson_file_shows_every_problem_with_its_position_until_it_is_fixed() throws Exception {
        Path course = Courses.copyOfCourse(dir.resolve("course"));
        Path lesson = course.resolve("lessons/races/lesson.yaml");
        String original = Files.readString(lesson);
        try (UiHarness ui = new UiHarness(ScriptedCoursework.at(course), 80, 24)) {
            ui.await("counter-lock");
            awaitWatching(ui);

            Files.writeString(lesson, original.replaceFirst("\n", "\ncolour: blue\nmood: calm\n"));
            String broken = ui.await("lessons/races/lesson.yaml:3:1: unknown key 'mood'");
            assertTrue(broken.contains("lessons/races/lesson.yaml:2:1: unknown key 'colour'"), "all problems:\n" + broken);
            assertTrue(broken.contains("2 problems"), broken);
            assertTrue(broken.contains("counter-lock"), "the map keeps the course as it last loaded:\n" + broken);

            Files.writeString(lesson, original.replace("title: Race conditions and the 1,000,000 counter",
                    "title: Race conditions, fixed"));
            String fixed = ui.awaitGone("unknown key");
            assertTrue(ui.await("Race conditions, fixed").contains("counter-lock"), fixed);
        }
    }

    private static void awaitWatching(UiHarness ui) throws InterruptedException {
        assertTrue(ui.work.lessonsWatched.await(10, TimeUnit.SECONDS), "the UI never started watching the lessons");
        Thread.sleep(200); // the watcher registers its folders right after it is asked to
    }
}
