package org.threadlings.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressStoreTest {

    @TempDir
    Path dir;

    @Test
    void a_missing_file_is_empty_progress() {
        assertEquals(Progress.EMPTY, new ProgressStore(dir.resolve("progress.json")).load());
    }

    @Test
    void what_is_saved_is_read_back() {
        ProgressStore store = new ProgressStore(dir.resolve("state/progress.json"));
        Instant when = Instant.parse("2026-01-02T03:04:05Z");
        store.update(p -> p.graded("counter-atomic", true, "pass", when).hintShown("counter-lock", 2)
                .answered("races/why-lost", new Progress.QuizAnswer(1, true, when)));

        Progress read = new ProgressStore(dir.resolve("state/progress.json")).load();
        assertTrue(read.isDone("counter-atomic"));
        assertEquals("pass", read.exercise("counter-atomic").lastResult());
        assertEquals(when, read.exercise("counter-atomic").lastRun());
        assertEquals(2, read.exercise("counter-lock").hintsShown());
        assertTrue(read.quiz().get("races/why-lost").correct());
    }

    @Test
    void damaged_files_set_aside_one_after_another_each_keep_their_own_backup() throws Exception {
        Path file = dir.resolve("progress.json");
        ProgressStore store = new ProgressStore(file);
        for (int i = 0; i < 3; i++) {
            Files.writeString(file, "{\"format\": 1, \"damaged\": " + i);
            assertEquals(Progress.EMPTY, store.load());
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> kept = files.filter(f -> f.getFileName().toString().startsWith("progress.json.damaged-"))
                    .map(f -> {
                        try {
                            return Files.readString(f);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).sorted().toList();
            assertEquals(List.of("{\"format\": 1, \"damaged\": 0", "{\"format\": 1, \"damaged\": 1",
                    "{\"format\": 1, \"damaged\": 2"), kept);
        }
        assertEquals(3, store.takeWarnings().size());
    }

    @Test
    void a_damaged_file_is_set_aside_with_a_warning_and_progress_starts_afresh() throws Exception {
        Path file = dir.resolve("progress.json");
        Files.writeString(file, "{\"format\": 1, \"exercises\": {\"x\": ");
        ProgressStore store = new ProgressStore(file);

        assertEquals(Progress.EMPTY, store.load());
        List<String> warnings = store.takeWarnings();
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("damaged"));
        assertFalse(Files.exists(file));
        try (Stream<Path> files = Files.list(dir)) {
            Path backup = files.filter(f -> f.getFileName().toString().startsWith("progress.json.damaged-"))
                    .findFirst().orElseThrow();
            assertTrue(Files.readString(backup).startsWith("{\"format\": 1"), "the damaged content is kept");
        }
        assertEquals(List.of(), store.takeWarnings(), "a warning is given once");
    }

    @Test
    void a_file_from_an_unknown_future_format_is_not_misread() throws Exception {
        Path file = dir.resolve("progress.json");
        Files.writeString(file, "{\"format\": 99, \"exercises\": {}}");
        ProgressStore store = new ProgressStore(file);
        assertEquals(Progress.EMPTY, store.load());
        assertEquals(1, store.takeWarnings().size());
    }

    @Test
    void a_write_leaves_no_temporary_files_and_the_file_is_always_complete() throws Exception {
        ProgressStore store = new ProgressStore(dir.resolve("progress.json"));
        for (int i = 0; i < 20; i++) {
            int n = i;
            store.update(p -> p.hintShown("e" + n, n));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("progress.json", "progress.json.lock"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertEquals(19, store.load().exercise("e19").hintsShown());
    }

    @Test
    void concurrent_updates_from_two_stores_lose_nothing() throws Exception {
        Path file = dir.resolve("progress.json");
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            ProgressStore store = new ProgressStore(file); // as if the UI and a check in another terminal
            int writer = w;
            writers.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 25; i++) {
                    String id = "w" + writer + "-" + i;
                    store.update(p -> p.hintShown(id, 1));
                }
            }));
        }
        for (Thread writer : writers) {
            writer.join();
        }
        assertEquals(50, new ProgressStore(file).load().exercises().size());
    }
}
