package org.threadlings.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The terminal is the same after the UI as before it, however the UI ends: quit, Ctrl-C, or a
 * SIGTERM from outside. Compared with {@code stty -g}, which prints every terminal setting.
 */
class TerminalRestoreIT {

    @TempDir
    Path temp;

    private Path course;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(Tmux.available(), "tmux is not installed");
        course = Courses.copyOfCourse(temp.resolve("course"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"quit", "ctrl-c", "sigterm"})
    void stty_settings_are_restored(String ending) throws Exception {
        Path before = temp.resolve("before");
        Path after = temp.resolve("after");
        String script = "stty -g > " + before + "; " + RunScript.ROOT.resolve("run.sh") + " --course " + course
                + "; echo \"exit $?\" > " + temp.resolve("exit") + "; stty -g > " + after + "; sleep 60";
        try (Tmux tmux = Tmux.start(script, 80, 24)) {
            tmux.await("course map", 30_000);
            switch (ending) {
                case "quit" -> tmux.keys("q");
                case "ctrl-c" -> tmux.keys("C-c");
                default -> terminate();
            }
            long deadline = System.currentTimeMillis() + 15_000;
            while (!Files.exists(after) && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(Files.exists(after), "the UI ended and the script went on");
            Thread.sleep(100); // let stty finish writing
            assertEquals(Files.readString(before).strip(), Files.readString(after).strip(),
                    "stty -g before and after (" + ending + ")");
        }
    }

    private void terminate() throws Exception {
        List<ProcessHandle> engines = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("--course " + course)
                        && c.contains("threadlings.jar")).orElse(false))
                .toList();
        assertEquals(1, engines.size(), "one engine running the UI");
        new ProcessBuilder("kill", "-TERM", String.valueOf(engines.get(0).pid())).start().waitFor();
    }
}
