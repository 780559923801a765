package org.threadlings.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadlings.course.Exercise;

class StarterStoreTest {

    private static final String FILE = "races/Counter.java";
    private static final String ORIGINAL = "class Counter { /* starter */ }\n";

    @TempDir
    Path root;

    private Workspace workspace;
    private StarterStore starters;

    @BeforeEach
    void course() throws Exception {
        workspace = new Workspace(root);
        Files.createDirectories(workspace.exercises().resolve("races"));
        Files.createDirectories(workspace.lessons());
        Files.writeString(workspace.exercises().resolve(FILE), ORIGINAL);
        starters = new StarterStore(workspace);
        starters.record(List.of(FILE), List.of());
    }

    @Test
    void blob_ids_are_gits() throws Exception {
        // git hash-object of "hello\n"
        assertEquals("ce013625030ba8dba906f756967f9e9ca394464a", GitBlob.id("hello\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void an_untouched_starter_is_its_own_original() throws Exception {
        assertTrue(starters.isOriginal(FILE));
        assertArrayEquals(ORIGINAL.getBytes(StandardCharsets.UTF_8), starters.original(FILE));
    }

    @Test
    void after_the_student_edits_and_commits_the_original_comes_from_git() throws Exception {
        git("init", "-q");
        git("add", "-A");
        git("-c", "user.name=A", "-c", "user.email=a@example.org", "commit", "-qm", "course");
        Files.writeString(workspace.exercises().resolve(FILE), "class Counter { /* mine */ }\n");
        git("-c", "user.name=B", "-c", "user.email=b@example.org", "commit", "-qam", "mine");

        assertFalse(starters.isOriginal(FILE));
        assertArrayEquals(ORIGINAL.getBytes(StandardCharsets.UTF_8), starters.original(FILE));
    }

    @Test
    void without_git_history_an_edited_starter_cannot_be_recovered_and_says_why() throws Exception {
        Files.writeString(workspace.exercises().resolve(FILE), "edited");
        StarterStore.MissingOriginal missing = assertThrows(StarterStore.MissingOriginal.class, () -> starters.original(FILE));
        assertTrue(missing.getMessage().contains("git"), missing.getMessage());
    }

    @Test
    void a_file_without_a_lock_entry_is_reported() {
        StarterStore.MissingOriginal missing = assertThrows(StarterStore.MissingOriginal.class,
                () -> starters.original("races/Other.java"));
        assertTrue(missing.getMessage().contains("starters.lock"));
    }

    @Test
    void reset_restores_backs_up_and_is_a_no_op_the_second_time() throws Exception {
        git("init", "-q");
        git("add", "-A");
        git("-c", "user.name=A", "-c", "user.email=a@example.org", "commit", "-qm", "course");
        Path file = workspace.exercises().resolve(FILE);
        Files.writeString(file, "class Counter { /* attempt */ }\n");
        Exercise exercise = new Exercise("counter", "races", "Counter", List.of(FILE), "task", List.of(), List.of(),
                Duration.ofSeconds(5), List.of(), List.of(), List.of());
        Reset reset = new Reset(workspace, starters);

        Reset.Result first = reset.reset(exercise);
        assertEquals(List.of(FILE), first.restored());
        assertEquals(ORIGINAL, Files.readString(file));
        assertEquals("class Counter { /* attempt */ }\n", Files.readString(first.backupDir().resolve(FILE)));

        Reset.Result second = reset.reset(exercise);
        assertEquals(List.of(), second.restored());
        assertEquals(List.of(FILE), second.unchanged());
        assertNull(second.backupDir());
    }

    @Test
    void reset_brings_back_a_deleted_file_from_git() throws Exception {
        git("init", "-q");
        git("add", "-A");
        git("-c", "user.name=A", "-c", "user.email=a@example.org", "commit", "-qm", "course");
        Path file = workspace.exercises().resolve(FILE);
        Files.delete(file);
        Exercise exercise = new Exercise("counter", "races", "Counter", List.of(FILE), "task", List.of(), List.of(),
                Duration.ofSeconds(5), List.of(), List.of(), List.of());

        Reset.Result result = new Reset(workspace, starters).reset(exercise);

        assertEquals(List.of(FILE), result.restored());
        assertNull(result.backupDir(), "nothing of the student's to keep");
        assertEquals(ORIGINAL, Files.readString(file));
    }

    private void git(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), new String(process.getInputStream().readAllBytes()));
    }
}
