package org.threadlings.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadlings.course.Exercise;

/**
 * Saves as editors make them, in a temporary exercises folder. Where a test expects nothing, it
 * then saves another exercise in the same folder (the "sentinel") and waits for that report:
 * events of one folder are handled in order and settle after the same quiet period, so whatever
 * the earlier writes were going to report would have been reported first.
 */
class ExerciseWatcherTest {

    /** Longer than in the UI, so that a busy machine cannot split one quick burst of writes in two. */
    private static final Duration QUIET = Duration.ofMillis(300);

    static final Exercise ATOMIC = Exercises.of("counter-atomic", "races/AtomicCounter.java");
    static final Exercise SENTINEL = Exercises.of("counter-lock", "races/LockCounter.java");
    static final Exercise POOL = Exercises.of("fixed-pool", "executors/Pool.java");

    @TempDir
    Path exercises;

    private final Saves saves = new Saves();
    private SaveWatcher watcher;
    private Path atomic;
    private int edits;

    @BeforeEach
    void startWatching() throws IOException {
        atomic = write("races/AtomicCounter.java", "class AtomicCounter { }");
        write("races/LockCounter.java", "class LockCounter { }");
        write("executors/Pool.java", "class Pool { }");
        WatchStart start = SaveWatcher.exercises(exercises, List.of(ATOMIC, SENTINEL, POOL), saves, QUIET);
        watcher = assertInstanceOf(WatchStart.Watching.class, start, start.toString()).watcher();
    }

    @AfterEach
    void stopWatching() {
        watcher.close();
    }

    @Test
    void several_quick_writes_are_one_save() throws Exception {
        for (int i = 0; i < 5; i++) {
            Files.writeString(atomic, "class AtomicCounter { int version = " + i + "; }");
        }
        assertEquals(List.of(ATOMIC.id()), saves.awaitCount(1));
        assertEquals(List.of(ATOMIC.id(), SENTINEL.id()), afterSentinel());
    }

    @Test
    void a_vim_save_is_one_save() throws Exception {
        Path swap = write("races/.AtomicCounter.java.swp", "swap");
        write("races/4913", "");
        Files.delete(exercises.resolve("races/4913"));
        Path backup = exercises.resolve("races/AtomicCounter.java~");
        Files.move(atomic, backup);
        Files.writeString(atomic, "class AtomicCounter { long count; }");
        Files.delete(backup);
        Files.delete(swap);
        assertEquals(List.of(ATOMIC.id()), saves.awaitCount(1));
        assertEquals(List.of(ATOMIC.id(), SENTINEL.id()), afterSentinel());
    }

    @Test
    void an_intellij_safe_write_is_one_save() throws Exception {
        Path temp = write("races/AtomicCounter.java___jb_tmp___", "class AtomicCounter { long count; }");
        Path old = exercises.resolve("races/AtomicCounter.java___jb_old___");
        Files.move(atomic, old);
        Files.move(temp, atomic, StandardCopyOption.ATOMIC_MOVE);
        Files.delete(old);
        assertEquals(List.of(ATOMIC.id()), saves.awaitCount(1));
        assertEquals(List.of(ATOMIC.id(), SENTINEL.id()), afterSentinel());
    }

    @Test
    void editor_swap_backup_and_temporary_files_alone_are_no_save() throws Exception {
        for (String name : List.of(".AtomicCounter.java.swp", ".AtomicCounter.java.swx", "4913", "AtomicCounter.java~",
                "#AtomicCounter.java#", ".#AtomicCounter.java", "AtomicCounter.java___jb_tmp___",
                "AtomicCounter.java___jb_old___", "AtomicCounter.java.tmp", "AtomicCounter.java.crswap")) {
            write("races/" + name, "class AtomicCounter { long count; }");
        }
        assertEquals(List.of(SENTINEL.id()), afterSentinel());
    }

    @Test
    void touching_or_saving_the_same_content_is_no_save() throws Exception {
        Files.setLastModifiedTime(atomic, FileTime.from(Instant.now().plusSeconds(5)));
        Files.writeString(atomic, "class AtomicCounter { }");
        Path backup = exercises.resolve("races/AtomicCounter.java~");
        Files.move(atomic, backup);
        Files.writeString(atomic, "class AtomicCounter { }");
        Files.delete(backup);
        assertEquals(List.of(SENTINEL.id()), afterSentinel());
    }

    @Test
    void two_exercises_saved_together_are_both_reported() throws Exception {
        Files.writeString(atomic, "class AtomicCounter { long count; }");
        Files.writeString(exercises.resolve("executors/Pool.java"), "class Pool { int threads; }");
        List<String> reported = saves.awaitCount(2);
        assertEquals(Set.of(ATOMIC.id(), POOL.id()), Set.copyOf(reported), reported.toString());
        assertEquals(2, reported.size(), reported.toString());
    }

    @Test
    void deleting_and_recreating_a_file_is_a_save() throws Exception {
        Files.delete(atomic);
        Files.writeString(atomic, "class AtomicCounter { long count; }");
        assertEquals(List.of(ATOMIC.id()), saves.awaitCount(1));
        assertEquals(List.of(ATOMIC.id(), SENTINEL.id()), afterSentinel());
    }

    @Test
    void files_of_no_exercise_are_ignored() throws Exception {
        write("races/Notes.txt", "to do");
        write("races/Scratch.java", "class Scratch { }");
        write("pom.xml", "<project/>");
        write("target/classes/races/AtomicCounter.java", "class AtomicCounter { long count; }");
        assertEquals(List.of(SENTINEL.id()), afterSentinel());
    }

    @Test
    void a_missing_folder_is_a_reason_not_an_exception() {
        WatchStart start = SaveWatcher.exercises(exercises.resolve("nowhere"), List.of(ATOMIC), saves);
        String reason = assertInstanceOf(WatchStart.Unavailable.class, start).reason();
        assertTrue(reason.contains("does not exist"), reason);
    }

    @Test
    void deleting_the_exercises_folder_is_told_as_a_stop() throws Exception {
        try (Stream<Path> paths = Files.walk(exercises)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        String reason = saves.awaitStopped();
        assertTrue(reason != null && reason.contains("deleted or moved"), String.valueOf(reason));
    }

    @Test
    void close_ends_the_watchers_threads() throws Exception {
        Files.writeString(atomic, "class AtomicCounter { long count; }");
        watcher.close();
        List<String> alive = Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("threadlings-watch")).toList();
        assertEquals(List.of(), alive);
        watcher.close(); // twice is harmless
    }

    /** Saves the sentinel exercise, waits for its report, and returns every report so far. */
    private List<String> afterSentinel() throws Exception {
        Files.writeString(exercises.resolve(SENTINEL.files().get(0)), "class LockCounter { int edit = " + ++edits + "; }");
        return saves.awaitReportOf(SENTINEL.id());
    }

    private Path write(String file, String content) throws IOException {
        Path path = exercises.resolve(file);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, content);
    }
}
