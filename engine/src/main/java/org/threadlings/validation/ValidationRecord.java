package org.threadlings.validation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.threadlings.workspace.AtomicFiles;

/**
 * The exercises that validation found consistent, each with the {@link Fingerprint} of what it
 * was graded on. While an exercise's fingerprint is unchanged, validating it again would grade
 * the same inputs, so its result is carried over instead; any change to its files, its checks,
 * its lesson entry, the engine or the JDK grades it again. Only consistent results are kept: a
 * problem is always looked at afresh. A damaged or unknown file is ignored (everything is graded).
 */
public final class ValidationRecord {

    /** What is kept of one exercise's consistent validation. */
    public record Entry(String fingerprint, Instant validated, long wrongCaught, long wrongTotal) {
    }

    /** The file's shape; a new one is ignored by an older engine and the other way round. */
    private record Stored(int format, Map<String, Entry> exercises) {
    }

    private static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private final Map<String, Entry> entries;
    /** Whether earlier results may stand in for grading; false grades everything and records it anew. */
    private final boolean carryOver;

    private ValidationRecord(Path file, Map<String, Entry> entries, boolean carryOver) {
        this.file = file;
        this.entries = entries;
        this.carryOver = carryOver;
    }

    /** The record in {@code file}; an empty one when there is none, or it cannot be read. */
    public static ValidationRecord load(Path file) {
        Map<String, Entry> entries = new TreeMap<>();
        if (Files.isRegularFile(file)) {
            try {
                Stored stored = JSON.readValue(file.toFile(), Stored.class);
                if (stored != null && stored.format() == FORMAT && stored.exercises() != null) {
                    entries.putAll(stored.exercises());
                }
            } catch (IOException | RuntimeException damaged) {
                // Nothing is lost: every exercise is graded, and the file is rewritten after.
            }
        }
        return new ValidationRecord(file, entries, true);
    }

    /** A record that keeps nothing: every exercise is graded, and nothing is written. */
    public static ValidationRecord none() {
        return new ValidationRecord(null, new TreeMap<>(), false);
    }

    /** This record, but every exercise is graded again (and the record updated with what that shows). */
    public ValidationRecord gradingEverything() {
        return new ValidationRecord(file, entries, false);
    }

    /** Whether this record keeps anything: {@link #none()} does not, so nothing need be fingerprinted for it. */
    boolean keeps() {
        return file != null;
    }

    /** The earlier consistent result of {@code exerciseId}, if it was graded on exactly {@code fingerprint}. */
    synchronized Optional<Entry> unchanged(String exerciseId, String fingerprint) {
        Entry entry = entries.get(exerciseId);
        return carryOver && entry != null && entry.fingerprint().equals(fingerprint) ? Optional.of(entry) : Optional.empty();
    }

    synchronized void put(String exerciseId, Entry entry) {
        entries.put(exerciseId, entry);
    }

    synchronized void forget(String exerciseId) {
        entries.remove(exerciseId);
    }

    /** Writes the record atomically (a no-op for {@link #none()}). */
    synchronized void save() throws IOException {
        if (file != null) {
            AtomicFiles.write(file, JSON.writeValueAsBytes(new Stored(FORMAT, new TreeMap<>(entries))));
        }
    }

}
