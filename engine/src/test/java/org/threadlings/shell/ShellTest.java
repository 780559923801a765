package org.threadlings.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.threadlings.e2e.Courses;
import org.threadlings.session.Session;
import org.threadlings.workspace.Workspace;

/** The shell on a test terminal, in a copy of the course: typing, completion, history, leaving. */
class ShellTest {

    /** The up arrow, as an xterm sends it in the keypad mode that JLine turns on. */
    private static final String UP = "\u001bOA";
    private static final String CTRL_C = "\u0003";
    private static final String CTRL_D = "\u0004";
    private static final String CTRL_U = "\u0015";

    @TempDir
    Path course;

    @BeforeEach
    void copyTheCourse() throws Exception {
        Courses.copyOfCourse(course);
    }

    @Test
    void list_prints_the_exercises_and_the_prompt_shows_the_current_one() throws Exception {
        try (ShellHarness shell = shell()) {
            shell.await("threadlings (counter-synchronized)> ");
            String list = shell.type("list\n").awaitPrompt();

            assertTrue(list.contains("counter-atomic        Fix the counter with an atomic"), list);
            assertTrue(list.contains("0 of 3 exercises done."), list);
            assertFalse(list.contains("exit code"), list);
            leave(shell);
        }
    }

    @Test
    void hint_twice_gives_the_first_hint_then_the_second() throws Exception {
        try (ShellHarness shell = shell()) {
            shell.awaitPrompt();
            String first = shell.type("hint counter-lock\n").awaitPrompt();
            String second = shell.type("hint counter-lock\n").awaitPrompt();

            assertTrue(first.contains("Hint 1 of 3:"), first);
            assertTrue(second.contains("Hint 2 of 3:"), second);
            leave(shell);
        }
    }

    @Test
    void check_grades_with_the_shared_session() throws Exception {
        try (ShellHarness shell = shell()) {
            shell.awaitPrompt();
            shell.type("check counter-atomic --exercises " + course.resolve("solutions") + "\n");
            String report = shell.await("checks passed");

            assertTrue(report.contains("counter-atomic · Fix the counter with an atomic"), report);
            assertTrue(report.contains("✓ 10 threads × 100,000 increments give exactly 1,000,000"), report);
            leave(shell);
        }
    }

    @Test
    void tab_completes_command_names() throws Exception {
        try (ShellHarness shell = shell()) {
            shell.awaitPrompt();
            shell.type("che\t").await("check ");
            shell.type(CTRL_U + "lis\t\n").await("exercises done");
            leave(shell);
        }
    }

    @Test
    void tab_completes_exercise_and_example_ids_and_options() throws Exception {
        try (ShellHarness shell = shell()) {
            shell.awaitPrompt();
            shell.type("check counter-a\t").await("check counter-atomic ");
            shell.type(CTRL_U + "run lost\t").await("run lost-updates ");
            shell.type(CTRL_U + "list --ex\t").await("list --examples ");
            shell.type(CTRL_U);
            leave(shell);
        }
    }

    @Test
    void history_is_kept_in_the_course_between_runs() throws Exception {
        try (ShellHarness shell = shell()) {
            shell.awaitPrompt();
            shell.type("list --examples\n").awaitPrompt();
            leave(shell);
        }
        Path history = course.resolve(".threadlings/shell-history");
        assertTrue(Files.readString(history).contains("list --examples"), Files.readString(history));

        try (ShellHarness again = shell()) {
            again.awaitPrompt();
            // the newest line is "exit"; the one before it is the list
            String listed = again.type(UP + UP + "\n").awaitPrompt();
            assertTrue(listed.contains("lost-updates"), listed);
            leave(again);
        }
    }

    @Test
    void an_unknown_command_gets_a_suggestion_and_its_exit_code() throws Exception {
        try (ShellHarness shell = shell()) {
            shell.awaitPrompt();
            String answer = shell.type("lst\n").awaitPrompt();

            assertTrue(answer.contains("There is no command 'lst'."), answer);
            assertTrue(answer.contains("Did you mean: list?"), answer);
            assertTrue(answer.contains("exit code 2"), answer);
            leave(shell);
        }
    }

    @Test
    void a_failing_command_shows_its_exit_code() throws Exception {
        try (ShellHarness shell = shell()) {
            shell.awaitPrompt();
            String answer = shell.type("hint counter-lok\n").awaitPrompt();

            assertTrue(answer.contains("There is no exercise 'counter-lok'. Did you mean: counter-lock?"), answer);
            assertTrue(answer.contains("exit code 2"), answer);
            leave(shell);
        }
    }

    @Test
    void commands_start_from_their_defaults_on_every_line() throws Exception {
        try (ShellHarness shell = shell()) {
            shell.awaitPrompt();
            shell.type("check no-such-one\n").awaitPrompt();
            String second = shell.type("check no-such-two\n").awaitPrompt();

            assertTrue(second.contains("There is no exercise 'no-such-two'"), second);
            assertFalse(second.contains("no-such-one"), second);
            leave(shell);
        }
    }

    @Test
    void ctrl_c_drops_the_line_being_typed_and_the_shell_goes_on() throws Exception {
        try (ShellHarness shell = shell()) {
            shell.awaitPrompt();
            shell.type("list" + CTRL_C).awaitPrompt();
            shell.type("exit\n");

            assertEquals(0, shell.awaitExit());
            assertFalse(shell.printed().contains("exercises done"), shell.printed());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"exit\n", "quit\n", CTRL_D})
    void exit_quit_and_ctrl_d_leave(String keys) throws Exception {
        try (ShellHarness shell = shell()) {
            shell.awaitPrompt();
            shell.type(keys);

            assertEquals(0, shell.awaitExit());
        }
    }

    @Test
    void help_lists_the_commands_and_shows_one() throws Exception {
        try (ShellHarness shell = shell()) {
            shell.awaitPrompt();
            String help = shell.type("help\n").awaitPrompt();
            String hint = shell.type("help hint\n").awaitPrompt();

            for (String command : new String[] {"check", "list", "hint", "reset", "run", "ui", "exit, quit"}) {
                assertTrue(help.contains("  " + command + " "), help);
            }
            assertFalse(help.contains("  shell "), help);
            assertTrue(hint.contains("Usage: threadlings hint"), hint);
            leave(shell);
        }
    }

    @Test
    void shell_in_the_shell_does_not_nest() throws Exception {
        try (ShellHarness shell = shell()) {
            shell.awaitPrompt();
            String answer = shell.type("shell\n").awaitPrompt();

            assertTrue(answer.contains("This is the shell already"), answer);
            leave(shell);
        }
    }

    @Test
    void output_is_coloured_on_a_colour_terminal_unless_NO_COLOR() throws Exception {
        String bold = "\u001b[1m";
        try (ShellHarness shell = new ShellHarness(session(), "xterm", Map.of())) {
            shell.awaitPrompt();
            shell.type("list\n").awaitPrompt();
            assertTrue(shell.raw().contains(bold + "Race conditions"), shell.raw());
            leave(shell);
        }
        for (ShellHarness plain : new ShellHarness[] {shell(), new ShellHarness(session(), "dumb", Map.of())}) {
            try (plain) {
                plain.awaitPrompt();
                plain.type("list\n").awaitPrompt();
                assertFalse(plain.raw().contains(bold), plain.raw());
                leave(plain);
            }
        }
    }

    @Test
    void output_is_wrapped_to_the_terminal_width_as_it_changes() throws Exception {
        try (ShellHarness shell = shell()) {
            shell.awaitPrompt();
            String wide = shell.type("hint counter-lock\n").awaitPrompt();
            String narrow = shell.resize(60).type("hint counter-lock\n").awaitPrompt();

            assertTrue(indented(wide).anyMatch(line -> line.length() > 60), wide);
            assertTrue(indented(narrow).count() > 1, narrow);
            indented(narrow).forEach(line -> assertTrue(line.length() <= 60, "wider than the terminal: " + line));
            leave(shell);
        }
    }

    private static Stream<String> indented(String text) {
        return text.lines().filter(line -> line.startsWith("  "));
    }

    @Test
    void the_full_screen_view_needs_a_real_terminal() throws Exception {
        try (ShellHarness shell = shell()) {
            shell.awaitPrompt();
            String answer = shell.type("ui\n").awaitPrompt();

            assertTrue(answer.contains("The course view needs a terminal."), answer);
            leave(shell);
        }
    }

    private ShellHarness shell() throws Exception {
        return new ShellHarness(session());
    }

    private Session session() {
        return new Session(new Workspace(course));
    }

    private static void leave(ShellHarness shell) throws InterruptedException {
        shell.type("exit\n");
        assertEquals(0, shell.awaitExit());
    }
}
