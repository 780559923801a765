package org.threadlings.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.threadlings.workspace.StarterStore;
import org.threadlings.workspace.Workspace;

/**
 * Folders for the tests: the original starters, edited copies, whole course copies. They come
 * from the tests' own course, {@code engine/src/test/course}: one lesson, a frozen copy of the
 * race lesson, so that the real course can change without changing what these tests see.
 */
public final class Courses {

    private Courses() {
    }

    /** The tests' own course, in the source tree: read it, never write to it. */
    public static Path fixture() {
        return RunScript.ROOT.resolve("engine/src/test/course");
    }

    /** The repository: the folder with run.sh, above the working directory. */
    public static Path repository() {
        return RunScript.ROOT;
    }

    /** The original starters of the tests' course. */
    static Path originalStarters(Path into) throws IOException, StarterStore.MissingOriginal {
        StarterStore starters = new StarterStore(new Workspace(fixture()));
        for (String file : starters.lock().keySet()) {
            Path target = into.resolve(file);
            Files.createDirectories(target.getParent());
            Files.write(target, starters.original(file));
        }
        return into;
    }

    /** A student folder where {@code file} has {@code source} and every other file is its starter. */
    static Path withFile(Path into, String file, String source) throws IOException, StarterStore.MissingOriginal {
        originalStarters(into);
        Files.writeString(into.resolve(file), source);
        return into;
    }

    /** A copy of the tests' course (lessons, exercises, solutions) that a test may change at will. */
    public static Path copyOfCourse(Path into) throws IOException, StarterStore.MissingOriginal {
        for (String dir : List.of("lessons", "solutions")) {
            copyTree(fixture().resolve(dir), into.resolve(dir));
        }
        originalStarters(into.resolve("exercises"));
        return into;
    }

    /** Deletes a folder and everything in it, as far as it can. */
    static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            paths.filter(p -> !p.toString().contains("/target")).forEach(p -> {
                try {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
