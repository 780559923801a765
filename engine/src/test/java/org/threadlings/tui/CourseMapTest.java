package org.threadlings.tui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.googlecode.lanterna.input.KeyType;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.threadlings.course.Course;
import org.threadlings.progress.Progress;

/** The course map and the quiz list with a course as long as the full one: 13 lessons of 4 exercises. */
class CourseMapTest {

    private static final Course COURSE = ManyLessons.course(13, 4);

    @Test
    void the_lesson_in_progress_is_unfolded_the_others_folded_each_with_its_progress() throws Exception {
        Progress progress = done("l01-e1", "l01-e2", "l01-e3", "l01-e4", "l02-e1");
        try (UiHarness ui = new UiHarness(new ScriptedCoursework(COURSE, progress), 80, 24)) {
            String screen = ui.await("l02-e4");
            assertFalse(screen.contains("l01-e1"), "a finished lesson is folded:\n" + screen);
            assertFalse(screen.contains("l03-e1"), "a lesson not started is folded:\n" + screen);
            assertTrue(ui.row("Lesson 1:").contains("████████   4/4"), screen);
            assertTrue(ui.row("Lesson 2:").contains("██░░░░░░   1/4"), screen);
            assertTrue(ui.row("Lesson 13:").endsWith("0/4"), screen);
            assertTrue(ui.selectedRow().contains("l02-e2"), "the cursor starts where to continue:\n" + screen);
            assertTrue(ui.row("l02-e2").contains("continue here"), screen);

            ui.press(KeyType.ArrowLeft);
            awaitSelected(ui, "Lesson 2:");
            ui.press(KeyType.ArrowLeft);
            ui.awaitGone("l02-e1");
            ui.press(KeyType.Enter);
            ui.await("l02-e1");
            ui.press(KeyType.ArrowUp).press(' ');
            ui.await("l01-e4");
            ui.press(KeyType.ArrowRight); // already open: stays open
            ui.press(KeyType.Enter);
            ui.awaitGone("l01-e1");
        }
    }

    @Test
    void the_cursor_stays_on_screen_at_80x24_with_every_lesson_unfolded() throws Exception {
        try (UiHarness ui = new UiHarness(new ScriptedCoursework(COURSE, Progress.EMPTY), 80, 24)) {
            ui.await("l01-e1");
            ui.press('/', '-', 'e').press(KeyType.Enter).press(KeyType.Escape); // unfolds every lesson
            ui.awaitGone("search:");
            ui.press(KeyType.End);
            String last = awaitSelected(ui, "l13-e4");
            String seen = last;
            for (int i = 0; i < 3; i++) {
                ui.press(KeyType.PageUp);
                String now = awaitMoved(ui, seen);
                assertTrue(position(now) < position(seen), "PageUp goes up: from '" + seen + "' to '" + now + "'");
                seen = now;
            }
            ui.press(KeyType.Home);
            awaitSelected(ui, "Lesson 1:");
            for (int i = 0; i < 30; i++) {
                ui.press(KeyType.ArrowDown);
            }
            seen = awaitSelected(ui, "Lesson 7:"); // each lesson takes 5 lines
            for (int i = 0; i < 2; i++) { // 30, 47, 64: the last line
                ui.press(KeyType.PageDown);
                String now = awaitMoved(ui, seen);
                assertTrue(position(now) > position(seen), "PageDown goes down: from '" + seen + "' to '" + now + "'");
                seen = now;
            }
            String screen = ui.screen();
            assertTrue(screen.lines().toList().get(23).contains("Enter open"), "the footer stays:\n" + screen);
            assertTrue(screen.lines().toList().get(0).contains("course map"), "the title bar stays:\n" + screen);
        }
    }

    @Test
    void a_search_finds_an_exercise_in_a_folded_lesson_and_unfolds_it() throws Exception {
        try (UiHarness ui = new UiHarness(new ScriptedCoursework(COURSE, Progress.EMPTY), 80, 24)) {
            String start = ui.await("l01-e1");
            assertFalse(start.contains("l09-e3"), start);
            ui.press('/', 'l', '0', '9', '-', 'e', '3');
            String found = ui.await("search: l09-e3");
            assertTrue(found.contains("Exercise 3 of lesson 9"), found);
            ui.press(KeyType.Enter);
            awaitSelected(ui, "l09-e3");
            ui.press(KeyType.Escape);
            String after = ui.awaitGone("search:");
            assertTrue(after.contains("l09-e1") && after.contains("l09-e4"), "the lesson of the match is unfolded:\n"
                    + after);
            assertFalse(after.contains("l08-e1"), "the others stay folded:\n" + after);
            awaitSelected(ui, "l09-e3");
            ui.press(KeyType.Enter);
            ui.await("Threadlings · l09-e3");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {40, 80})
    void quiz_questions_wrap_with_inline_code_rendered(int columns) throws Exception {
        try (UiHarness ui = new UiHarness(new ScriptedCoursework(COURSE, Progress.EMPTY), columns, 24)) {
            ui.await("l01-e1");
            ui.press(KeyType.Home).press('o').press('4');
            String list = ui.await("1. Ten threads");
            assertTrue(flowing(list).contains(ManyLessons.LONG_QUESTION.replace("`", "")),
                    "the whole question, wrapped:\n" + list);
            assertFalse(list.contains("`"), "inline code without its backticks:\n" + list);
            assertInlineCodeRendered(ui, "count++", "threads");
            ui.press(KeyType.Enter);
            String question = ui.await("a) An AtomicLong");
            assertTrue(flowing(question).contains(ManyLessons.LONG_QUESTION.replace("`", "")), question);
            assertFalse(question.contains("`"), question);
        }
    }

    private static void assertInlineCodeRendered(UiHarness ui, String code, String plain) {
        if (Theme.forEnvironment().isColour()) {
            assertNotEquals(ui.cellOf(plain).getForegroundColor(), ui.cellOf(code).getForegroundColor(),
                    "inline code looks like code, as in the lesson text:\n" + ui.screen());
        }
    }

    /** Waits until the cursor is on a line that shows {@code text}. */
    private static String awaitSelected(UiHarness ui, String text) {
        long deadline = System.currentTimeMillis() + UiHarness.TIMEOUT_MILLIS;
        String selected = ui.selectedRow();
        while (!selected.contains(text)) {
            if (System.currentTimeMillis() > deadline) {
                fail("the cursor never reached '" + text + "'; it is on '" + selected + "' of:\n" + ui.screen());
            }
            selected = ui.selectedRow();
        }
        return selected;
    }

    /** Waits until the cursor is on another line than {@code before}, and on screen. */
    private static String awaitMoved(UiHarness ui, String before) {
        long deadline = System.currentTimeMillis() + UiHarness.TIMEOUT_MILLIS;
        String selected = ui.selectedRow();
        while (selected.isEmpty() || selected.equals(before)) {
            if (System.currentTimeMillis() > deadline) {
                fail("the cursor did not move from '" + before + "' to a line on screen:\n" + ui.screen());
            }
            selected = ui.selectedRow();
        }
        return selected;
    }

    /** The screen's lines without their indentation, joined into one text, as wrapping breaks them. */
    private static String flowing(String screen) {
        return String.join(" ", screen.lines().map(l -> l.replace('│', ' ').strip()).toList());
    }

    /** Where a line of the fully unfolded map is: lesson N's line, then its four exercises. */
    private static int position(String row) {
        java.util.regex.Matcher exercise = java.util.regex.Pattern.compile("l(\\d\\d)-e(\\d)").matcher(row);
        if (exercise.find()) {
            return (Integer.parseInt(exercise.group(1)) - 1) * 5 + Integer.parseInt(exercise.group(2));
        }
        java.util.regex.Matcher lesson = java.util.regex.Pattern.compile("Lesson (\\d+):").matcher(row);
        assertTrue(lesson.find(), "not a line of the map: " + row);
        return (Integer.parseInt(lesson.group(1)) - 1) * 5;
    }

    private static Progress done(String... ids) {
        Progress progress = Progress.EMPTY;
        for (String id : ids) {
            progress = progress.graded(id, true, "PASS", Instant.now());
        }
        return progress;
    }
}
