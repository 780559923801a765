package org.threadlings.progress;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.threadlings.workspace.AtomicFiles;

/**
 * Keeps {@link Progress} in a JSON file. Writes are atomic (a crash leaves the old file or the
 * new one), and read-modify-write cycles hold a file lock, so the full-screen UI and a
 * {@code check} in another terminal do not overwrite each other. A damaged file is set aside as
 * a backup, with a warning, and the student starts from empty progress rather than a crash.
 */
public final class ProgressStore {

    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path file;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final List<String> warnings = new ArrayList<>();
    private Progress loaded;
    private Stamp loadedStamp;

    public ProgressStore(Path file) {
        this.file = file;
    }

    /** Warnings about damaged progress found so far, for the front end to show once. */
    public synchronized List<String> takeWarnings() {
        List<String> taken = List.copyOf(warnings);
        warnings.clear();
        return taken;
    }

    /**
     * The stored progress. The UI asks on every frame, so the file is parsed again only when it
     * changed: every write renames a new file into place, which gives it a new file key.
     */
    public synchronized Progress load() {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException missing) {
            return Progress.EMPTY;
        }
        Stamp stamp = new Stamp(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
        if (stamp.equals(loadedStamp)) {
            return loaded;
        }
        try {
            Progress progress = json.readValue(file.toFile(), Progress.class);
            if (progress == null || progress.format() != Progress.FORMAT) {
                throw new IOException("unknown progress format");
            }
            loaded = progress;
            loadedStamp = stamp;
            return progress;
        } catch (IOException | RuntimeException e) {
            setAside(e);
            return Progress.EMPTY;
        }
    }

    /** What tells one version of the file from another without reading it. */
    private record Stamp(Object fileKey, FileTime modified, long size) {
    }

    /** Applies {@code change} to the stored progress under a lock and stores the result. */
    public Progress update(UnaryOperator<Progress> change) {
        // A file lock keeps other processes out; within this JVM two holders of one file lock are
        // an error, so threads (and other stores of the same file) queue on a lock of their own first.
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new ReentrantLock());
        inProcess.lock();
        try {
            Files.createDirectories(file.getParent());
            Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                channel.lock(); // held until the channel closes
                Progress updated = change.apply(load());
                AtomicFiles.write(file, json.writeValueAsBytes(updated));
                return updated;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save progress to " + file + ": " + e.getMessage(), e);
        } finally {
            inProcess.unlock();
        }
    }

    private void setAside(Exception cause) {
        try {
            Path backup = moveToFreeName(file.getFileName() + ".damaged-" + LocalDateTime.now().format(STAMP));
            warnings.add("Your progress file was damaged (" + cause.getMessage().lines().findFirst().orElse("")
                    + "). It was kept as " + backup.getFileName() + " and progress starts afresh; "
                    + "your exercise files are untouched, and checking them again restores their status.");
        } catch (IOException e) {
            warnings.add("Your progress file " + file + " is damaged and could not be set aside: " + e.getMessage());
        }
    }

    /**
     * Moves the file to {@code name}, or to {@code name-2}, {@code name-3}… if that is taken: two
     * damaged files set aside within one second must not overwrite each other's backup.
     */
    private Path moveToFreeName(String name) throws IOException {
        for (int n = 1; ; n++) {
            Path backup = file.resolveSibling(n == 1 ? name : name + "-" + n);
            try {
                return Files.move(file, backup); // refuses to replace an existing backup
            } catch (FileAlreadyExistsException taken) {
                // try the next number
            }
        }
    }
}
