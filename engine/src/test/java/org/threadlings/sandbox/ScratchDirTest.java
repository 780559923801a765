package org.threadlings.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scratch folders carry their owner, and a sweep removes only those whose owner is gone. */
class ScratchDirTest {

    @TempDir
    Path tmp;

    @Test
    void a_scratch_folder_is_named_after_this_runner_and_deleted_on_close() throws Exception {
        Path path;
        try (ScratchDir scratch = ScratchDir.create("threadlings-test")) {
            path = scratch.resolve("x").getParent();
            Files.writeString(scratch.resolve("x"), "content");
            assertTrue(path.getFileName().toString().startsWith("threadlings-test-" + RunOwner.current().label() + "-"),
                    path.toString());
        }
        assertFalse(Files.exists(path));
    }

    @Test
    void the_sweep_deletes_folders_of_runners_that_are_gone_and_keeps_the_rest() throws Exception {
        Path gone = folder("threadlings-grading-" + deadPid() + "-1700000000000-123");
        Files.writeString(gone.resolve("events.jsonl"), "{}");
        Path live = folder("threadlings-grading-" + RunOwner.current().label() + "-456");
        Path reused = folder("threadlings-example-" + ProcessHandle.current().pid() + "-1000-789");
        Path foreign = folder("threadlings-aot");
        Path oldStyle = folder("threadlings-grading1234567890");

        List<Path> swept = ScratchDir.sweep(tmp);

        assertEquals(List.of(gone, reused).stream().sorted().toList(), swept.stream().sorted().toList());
        assertFalse(Files.exists(gone));
        assertFalse(Files.exists(reused), "a live process id with another start time is another program");
        assertTrue(Files.exists(live));
        assertTrue(Files.exists(foreign));
        assertTrue(Files.exists(oldStyle));
    }

    private Path folder(String name) throws Exception {
        return Files.createDirectory(tmp.resolve(name));
    }

    /** A process id that no running process has: one of a process that has just ended. */
    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
