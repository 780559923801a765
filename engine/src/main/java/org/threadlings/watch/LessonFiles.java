package org.threadlings.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The course's text under the lessons folder, one group per lesson folder (its YAML and Markdown
 * files at any depth) and one for the course file. Files are found on disk each time rather than
 * taken from the course: while a lesson is being written its lesson.yaml may not load, and a
 * section file it names may not exist yet. Java sources (checks, examples) and a build's target/
 * are left out: they do not change what the course shows.
 */
final class LessonFiles implements WatchedFiles {

    static final String COURSE_FILE = "course.yaml";

    private final Path root;

    LessonFiles(Path lessonsDir) {
        this.root = lessonsDir.toAbsolutePath().normalize();
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public String name() {
        return "the lessons folder";
    }

    @Override
    public Set<String> ids() {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(COURSE_FILE);
        try (Stream<Path> entries = Files.list(root)) {
            entries.filter(Files::isDirectory).filter(this::leadsToWatchedFiles).sorted()
                    .forEach(dir -> ids.add(dir.getFileName().toString()));
        } catch (IOException e) {
            // gone or unreadable: the course file alone, whose absence then reads as a change
        }
        return ids;
    }

    @Override
    public List<Path> filesOf(String id) {
        if (id.equals(COURSE_FILE)) {
            return List.of(root.resolve(COURSE_FILE));
        }
        Path lesson = root.resolve(id);
        if (!Files.isDirectory(lesson)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(lesson)) {
            return files.filter(f -> isText(f) && leadsToWatchedFiles(f.getParent()) && Files.isRegularFile(f))
                    .sorted(Comparator.naturalOrder())
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of(); // changing under the walk: the next event reads it again
        }
    }

    @Override
    public boolean leadsToWatchedFiles(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        if (!dir.startsWith(root)) {
            return false;
        }
        for (Path name : root.relativize(dir)) {
            String part = name.toString();
            if (part.startsWith(".") || part.equals("target")) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Set<String> idsAt(Path path) {
        Path changed = path.toAbsolutePath().normalize();
        if (!changed.startsWith(root) || changed.equals(root)) {
            return changed.equals(root) ? ids() : Set.of();
        }
        Path relative = root.relativize(changed);
        String first = relative.getName(0).toString();
        if (relative.getNameCount() == 1) {
            // At the top: the course file, or a lesson folder created or removed whole.
            boolean lessonFolder = !first.contains(".") && leadsToWatchedFiles(changed);
            return first.equals(COURSE_FILE) || lessonFolder ? Set.of(first) : Set.of();
        }
        // Inside a lesson folder: whether the lesson's text changed, its content will tell.
        return leadsToWatchedFiles(changed.getParent()) ? Set.of(first) : Set.of();
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".md"));
    }
}
