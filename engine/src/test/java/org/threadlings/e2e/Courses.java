package org.threadlings.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.threadlings.workspace.StarterStore;
import org.threadlings.workspace.Workspace;

/** Folders for end-to-end tests: the original starters, edited copies, whole course copies. */
public final class Courses {

    private Courses() {
    }

    /** The repository: the folder with run.sh, above the working directory. */
    public static Path repository() {
        return RunScript.ROOT;
    }

    /** The original starters of the repository's course, whatever has been done to exercises/. */
    static Path originalStarters(Path into) throws IOException, StarterStore.MissingOriginal {
        StarterStore starters = new StarterStore(new Workspace(RunScript.ROOT));
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

    /**
     * A copy of the course (lessons, exercises, solutions) that a test may change at will. Its
     * course.yaml lists the race lesson alone: the tests are written against that lesson, and
     * lessons added to the course must not change what they see.
     */
    public static Path copyOfCourse(Path into) throws IOException, StarterStore.MissingOriginal {
        for (String dir : List.of("lessons", "solutions")) {
            copyTree(RunScript.ROOT.resolve(dir), into.resolve(dir));
        }
        originalStarters(into.resolve("exercises"));
        Files.writeString(into.resolve("lessons/course.yaml"), "format: 1\ntitle: Threadlings\nlessons:\n  - races\n");
        return into;
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
