package org.threadlings.sandbox;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A temporary folder for one compilation and run, deleted with everything in it on close. Its
 * name carries its owner (process id and start time), so that the folders of a runner that was
 * killed before it could delete them are recognised, and deleted, by the next start.
 */
public final class ScratchDir implements AutoCloseable {

    /** {@code threadlings-<purpose>-<pid>-<start>-<random>}, as {@link #create} names them. */
    private static final Pattern NAME = Pattern.compile("threadlings-[a-z]+(?:-[a-z]+)*-(\\d+)-(\\d+)-\\d+");

    private final Path path;

    private ScratchDir(Path path) {
        this.path = path;
    }

    /** @param prefix {@code threadlings-} and what the folder is for, in lower-case words */
    public static ScratchDir create(String prefix) throws IOException {
        return new ScratchDir(Files.createTempDirectory(prefix + "-" + RunOwner.current().label() + "-"));
    }

    public Path resolve(String name) {
        return path.resolve(name);
    }

    @Override
    public void close() {
        delete(path);
    }

    /** Deletes the scratch folders in {@code tempDir} whose owner is no longer running; returns them. */
    static List<Path> sweep(Path tempDir) {
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tempDir, "threadlings-*")) {
            for (Path entry : entries) {
                Matcher name = NAME.matcher(entry.getFileName().toString());
                if (name.matches() && Files.isDirectory(entry)
                        && !new RunOwner(Long.parseLong(name.group(1)), Long.parseLong(name.group(2))).isAlive()) {
                    stale.add(entry);
                }
            }
        } catch (IOException | RuntimeException e) {
            return stale; // an unreadable temporary folder: nothing to sweep there
        }
        stale.forEach(ScratchDir::delete);
        return stale;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // a temporary folder left behind is harmless, and the next start tries again
        }
    }
}
