package org.threadlings.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./run.sh shell} on a real terminal (tmux), typed into as a student would, in a copy of the course. */
class ShellIT {

    /** Its own tmux server, so that no one else's sessions or settings are touched. */
    private final String server = "threadlings-shell-it-" + ProcessHandle.current().pid();

    @TempDir
    Path course;

    @BeforeEach
    void needsTmux() throws Exception {
        Assumptions.assumeTrue(tmuxWorks(), "tmux is not installed: the shell's end-to-end test needs it to be a terminal");
        Courses.copyOfCourse(course);
    }

    @AfterEach
    void stopTmux() throws Exception {
        tmux("kill-server");
    }

    @Test
    void list_complete_an_id_hint_and_exit() throws Exception {
        String shell = "cd '" + RunScript.ROOT + "' && ./run.sh --course '" + course + "' shell; echo \"shell ended: $?\"; sleep 600";
        assertEquals(0, tmux("-f", "/dev/null", "new-session", "-d", "-s", "it", "-x", "100", "-y", "40", shell));

        await("threadlings (counter-synchronized)> ", Duration.ofMinutes(3));
        keys("list", "Enter");
        assertTrue(await("0 of 3 exercises done.").contains("counter-lock          Fix the counter with a ReentrantLock"));

        keys("hint counter-l", "Tab");
        await("> hint counter-lock ");
        keys("Enter");
        await("Hint 1 of 3:");

        keys("exit", "Enter");
        String screen = await("shell ended: 0");
        assertTrue(screen.indexOf("Hint 1 of 3:") < screen.indexOf("shell ended: 0"), screen);
    }

    /** Waits until the screen (with its scrollback) shows {@code text}; returns it. */
    private String await(String text) throws Exception {
        return await(text, Duration.ofSeconds(30));
    }

    private String await(String text, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        String screen = screen();
        while (!screen.contains(text)) {
            if (System.nanoTime() > deadline) {
                fail("the terminal never showed '" + text + "'; it shows:\n" + screen);
            }
            Thread.sleep(100);
            screen = screen();
        }
        return screen;
    }

    private String screen() throws Exception {
        Process capture = new ProcessBuilder("tmux", "-L", server, "capture-pane", "-p", "-J", "-S", "-200", "-t", "it")
                .redirectErrorStream(true).start();
        String screen = new String(capture.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        capture.waitFor(10, TimeUnit.SECONDS);
        return screen;
    }

    private void keys(String... keys) throws Exception {
        List<String> command = new ArrayList<>(List.of("send-keys", "-t", "it"));
        command.addAll(List.of(keys));
        assertEquals(0, tmux(command.toArray(String[]::new)));
    }

    private int tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", server));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    private static boolean tmuxWorks() {
        try {
            Process version = new ProcessBuilder("tmux", "-V").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return version.waitFor(10, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
