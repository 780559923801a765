package org.threadlings.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record carries an exercise over only on the very fingerprint it was found consistent with. */
class ValidationRecordTest {

    @TempDir
    Path root;

    private final ValidationRecord.Entry entry = new ValidationRecord.Entry("abc", Instant.parse("2026-11-30T12:00:00Z"), 7, 7);

    @Test
    void a_saved_entry_stands_for_the_same_fingerprint_only() throws Exception {
        Path file = savedWithMemo(root.resolve(".threadlings/validated.json"));

        ValidationRecord again = ValidationRecord.load(file);
        assertEquals(Optional.of(entry), again.unchanged("memo", "abc"));
        assertEquals(Optional.empty(), again.unchanged("memo", "abd"));
        assertEquals(Optional.empty(), again.unchanged("water", "abc"));
    }

    @Test
    void grading_everything_ignores_earlier_results_but_still_records() throws Exception {
        Path file = savedWithMemo(root.resolve("validated.json"));

        ValidationRecord fresh = ValidationRecord.load(file).gradingEverything();
        assertEquals(Optional.empty(), fresh.unchanged("memo", "abc"));
        fresh.forget("memo");
        fresh.save();
        assertEquals(Optional.empty(), ValidationRecord.load(file).unchanged("memo", "abc"));
    }

    @Test
    void a_damaged_file_means_grading_everything_not_an_error() throws Exception {
        Path file = root.resolve("validated.json");
        Files.writeString(file, "{ \"format\": 1, \"exercises\": { \"memo\": ");

        ValidationRecord record = ValidationRecord.load(file);
        assertEquals(Optional.empty(), record.unchanged("memo", "abc"));
        record.put("memo", entry);
        record.save();
        assertTrue(Files.readString(file).contains("\"memo\""));
    }

    @Test
    void none_keeps_nothing_and_writes_nothing() throws Exception {
        ValidationRecord none = ValidationRecord.none();
        none.put("memo", entry);
        none.save();

        assertEquals(Optional.empty(), none.unchanged("memo", "abc"));
        try (var files = Files.list(root)) {
            assertFalse(files.findAny().isPresent());
        }
    }

    private Path savedWithMemo(Path file) throws Exception {
        ValidationRecord record = ValidationRecord.load(file);
        record.put("memo", entry);
        record.save();
        return file;
    }
}
