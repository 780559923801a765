package org.threadlings.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock records the hidden checks next to the starters; a check that differs is refused by name. */
class CheckLockTest {

    private static final String STARTER = "races/Counter.java";
    private static final String CHECK = "races/checks/CounterCheck.java";
    private static final String ORIGINAL = "class CounterCheck { /* the real checks */ }\n";

    @TempDir
    Path root;

    private Workspace workspace;
    private StarterStore store;
    private Path check;

    @BeforeEach
    void course() throws Exception {
        workspace = new Workspace(root);
        Files.createDirectories(workspace.exercises().resolve("races"));
        Files.writeString(workspace.exercises().resolve(STARTER), "class Counter { }\n");
        check = workspace.lessons().resolve(CHECK);
        Files.createDirectories(check.getParent());
        Files.writeString(check, ORIGINAL);
        store = new StarterStore(workspace);
        store.record(List.of(STARTER), List.of(check));
    }

    @Test
    void the_lock_keeps_starters_and_checks_apart() {
        assertEquals(List.of(STARTER), List.copyOf(store.lock().keySet()), "checks are no starters");
        assertEquals(Map.of(CHECK, GitBlob.id(ORIGINAL.getBytes(StandardCharsets.UTF_8))), store.checks());
    }

    @Test
    void the_recorded_check_is_accepted() {
        assertEquals(Optional.empty(), new CheckLock(workspace).refusal(check, ORIGINAL.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_changed_check_is_refused_naming_the_file_and_the_way_back() {
        byte[] changed = "class CounterCheck { /* everything passes */ }\n".getBytes(StandardCharsets.UTF_8);
        String why = new CheckLock(workspace).refusal(check, changed).orElseThrow();

        assertTrue(why.startsWith("The hidden check lessons/" + CHECK + " differs from the version the course recorded"), why);
        assertTrue(why.contains("git checkout -- lessons/" + CHECK), why);
        assertTrue(why.contains("./run.sh validate --update-lock"), why);
    }

    @Test
    void a_check_the_lock_does_not_know_is_refused() throws Exception {
        Path other = workspace.lessons().resolve("races/checks/Extra.java");
        Files.writeString(other, "class Extra { }\n");
        String why = new CheckLock(workspace).refusal(other, Files.readAllBytes(other)).orElseThrow();

        assertTrue(why.startsWith("The hidden check lessons/races/checks/Extra.java has no entry in lessons/starters.lock"),
                why);
    }

    @Test
    void recording_again_accepts_a_change_made_on_purpose() throws Exception {
        Files.writeString(check, "class CounterCheck { /* improved */ }\n");
        store.record(List.of(STARTER), List.of(check));
        assertEquals(Optional.empty(), new CheckLock(workspace).refusal(check, Files.readAllBytes(check)));
    }
}
