package org.threadlings.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import org.junit.jupiter.api.Test;

/** The screens and the main key flows, driven on an 80×24 virtual terminal and read back as text. */
class UiFlowsTest {

    @Test
    void the_course_map_shows_lessons_exercises_and_progress() throws Exception {
        try (UiHarness ui = new UiHarness(80, 24)) {
            String screen = ui.await("counter-lock");
            String lesson = ui.row("Race conditions and the 1,000,000 counter");
            assertTrue(lesson.endsWith("0/3"), "the lesson's progress at the end of its line:\n" + screen);
            assertTrue(screen.contains("0 of 3 exercises done"), screen);
            assertTrue(ui.row("counter-synchronized").contains("continue here"), "marks where to continue");
            assertTrue(screen.lines().toList().get(23).contains("Enter open"), "the footer names the keys:\n" + screen);
        }
    }

    @Test
    void the_map_filters_and_searches() throws Exception {
        try (UiHarness ui = new UiHarness(80, 24)) {
            ui.await("counter-lock");
            ui.press('f');
            ui.await("Showing exercises still to do");
            ui.press('f');
            String done = ui.await("Showing exercises done");
            assertTrue(done.contains("Nothing to show with this filter"), done);
            ui.press('f', '/', 'a', 't', 'o', 'm');
            String found = ui.await("search: atom");
            assertTrue(found.contains("counter-atomic"), found);
            assertFalse(found.contains("counter-lock"), found);
            ui.press(KeyType.Escape).press(KeyType.Escape);
            ui.await("counter-lock");
        }
    }

    @Test
    void a_lesson_reads_in_tabs_and_jumps_between_sections() throws Exception {
        try (UiHarness ui = new UiHarness(80, 24)) {
            ui.await("counter-lock");
            ui.press(KeyType.Home).press('o');
            String read = ui.await("1 Read");
            assertTrue(read.contains("Race conditions and the 1,000,000 counter"), read);
            ui.press('n', 'n');
            ui.await("2. Why count++ is three steps");
            ui.press('3');
            ui.await("Fix the counter with an atomic  (counter-atomic)");
            ui.press('2');
            ui.await("Watch increments disappear  (lost-updates)");
        }
    }

    @Test
    void an_example_runs_and_streams_its_output() throws Exception {
        try (UiHarness ui = new UiHarness(80, 24)) {
            ui.await("counter-lock");
            ui.press(KeyType.Home).press('o').press('2').press(KeyType.Enter);
            String screen = ui.await("finished in 0.4 s (exit status 0)");
            assertTrue(screen.contains("round 1: lost 4,213"), screen);
            assertTrue(screen.contains("round 2: lost 977"), "a line split across two chunks is whole:\n" + screen);
        }
    }

    @Test
    void checking_shows_each_check_then_a_pass_offers_the_next_exercise() throws Exception {
        try (UiHarness ui = new UiHarness(80, 24)) {
            ui.await("counter-lock");
            ui.press(KeyType.Enter);
            ui.await("Fix the counter with synchronized");
            ui.press('r');
            String failed = ui.await("FAIL");
            assertTrue(failed.contains("lost 12,418 of 1,000,000 increments"), failed);
            assertTrue(failed.contains("required") && failed.contains("1.45×"), "speed-up bars:\n" + failed);
            assertTrue(failed.contains("yours") && failed.contains("1.84×"), failed);
            ui.press('r');
            String passed = ui.await("Well done! Press n for the next exercise: Fix the counter with an atomic");
            assertTrue(passed.contains("PASS"), passed);
            ui.press('n');
            ui.await("counter-atomic");
            assertTrue(ui.work.progress().isDone("counter-synchronized"));
        }
    }

    @Test
    void hints_are_revealed_one_at_a_time_and_remembered() throws Exception {
        try (UiHarness ui = new UiHarness(80, 24)) {
            ui.await("counter-lock");
            ui.press(KeyType.Enter);
            ui.await("Hints (0 of 3 shown, h for the next)");
            ui.press('h');
            String screen = ui.await("Hints (1 of 3 shown, h for the next)");
            assertTrue(screen.contains(" 1. A method declared synchronized runs"), screen);
            assertEquals(1, ui.work.progress().exercise("counter-synchronized").hintsShown());
        }
    }

    @Test
    void a_quiz_question_is_answered_and_explained() throws Exception {
        try (UiHarness ui = new UiHarness(80, 24)) {
            ui.await("counter-lock");
            ui.press(KeyType.Home).press('o').press('4').press(KeyType.Enter);
            ui.await("a) The JVM runs only one thread at a time");
            ui.press('a');
            String wrong = ui.await("Not quite.");
            assertTrue(wrong.contains("Java threads do run in parallel"), "the choice's feedback:\n" + wrong);
            assertTrue(wrong.contains("count++ is a read, an add and a write"), "the explanation:\n" + wrong);
            assertFalse(ui.work.progress().quiz().get("races/why-lost").correct());
        }
    }

    @Test
    void the_solution_needs_a_pass_or_a_confirmation_and_reset_asks_first() throws Exception {
        try (UiHarness ui = new UiHarness(80, 24)) {
            ui.await("counter-lock");
            ui.press(KeyType.Enter).press('s');
            ui.await("You have not passed counter-synchronized yet");
            ui.press('y');
            ui.await("public class Solution {");
            ui.press('q');
            ui.await("Fix the counter with synchronized");
            ui.press('R');
            ui.await("Put the original starter of counter-synchronized back?");
            ui.press('n');
            ui.awaitGone("Put the original starter");
            assertTrue(ui.work.resets.isEmpty(), "only y resets");
            ui.press('R', 'y');
            ui.await("Restored the starter");
            assertEquals(java.util.List.of("counter-synchronized"), ui.work.resets);
        }
    }

    @Test
    void help_lists_the_screens_keys_and_any_key_closes_it() throws Exception {
        try (UiHarness ui = new UiHarness(80, 24)) {
            ui.await("counter-lock");
            ui.press('?');
            String help = ui.await("this help");
            assertTrue(help.contains("continue"), help);
            ui.press('x');
            ui.awaitGone("this help");
        }
    }

    @Test
    void the_layout_follows_resizes_and_asks_for_room_when_too_small() throws Exception {
        try (UiHarness ui = new UiHarness(80, 24)) {
            ui.await("counter-lock");
            ui.resize(120, 40);
            String wide = ui.awaitRow(39, "Enter open");
            assertTrue(wide.contains("counter-lock"), wide);
            ui.resize(30, 8);
            ui.await("least 40×10 (it is 30×8).");
            ui.resize(80, 24);
            ui.await("counter-lock");
        }
    }

    @Test
    void saving_an_exercise_file_grades_it_and_only_it(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("races/AtomicCounter.java");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.copy(ScriptedCoursework.ROOT.resolve("exercises/races/AtomicCounter.java"), file);
        try (UiHarness ui = new UiHarness(new ScriptedCoursework(dir), 80, 24)) {
            ui.await("counter-lock");
            ui.press(KeyType.ArrowDown).press(KeyType.Enter); // from the current exercise to the next
            ui.await("watching: saving the file checks it");
            assertEquals(java.util.List.of("counter-atomic"), ui.work.prepared, "a grading JVM is readied on opening");
            java.nio.file.Files.writeString(file, java.nio.file.Files.readString(file) + "\n// edited\n");
            String screen = ui.await("after you saved");
            assertTrue(screen.contains("FAIL"), screen);
            assertEquals(1, ui.work.gradings.get(), "one save, one grading");
            ui.press('w');
            ui.await("manual: press r to check");
        }
    }

    @Test
    void quitting_ends_cleanly() throws Exception {
        UiHarness ui = new UiHarness(80, 24);
        ui.await("counter-lock");
        ui.press('q');
        Thread.sleep(300);
        assertFalse(ui.running(), "q on the first screen quits");
        assertNull(ui.failure());
    }
}
