package org.threadlings.watch;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.threadlings.course.Exercise;

/**
 * The exercise files under one exercises folder: which exercises a changed path concerns, and
 * which folders lead to exercise files (the only ones worth watching). Matching exact paths is
 * also what keeps editors' swap, backup and temporary files out: none of them is an exercise file.
 */
final class ExerciseFiles implements WatchedFiles {

    private final Path root;
    private final Map<String, List<Path>> filesByExercise = new LinkedHashMap<>();
    private final Map<Path, Set<String>> exercisesByFile = new HashMap<>();
    private final Set<Path> folders = new HashSet<>();

    ExerciseFiles(Path root, Collection<Exercise> exercises) {
        this.root = root.toAbsolutePath().normalize();
        folders.add(this.root);
        for (Exercise exercise : exercises) {
            List<Path> files = exercise.files().stream().map(f -> this.root.resolve(f).normalize()).toList();
            filesByExercise.put(exercise.id(), files);
            for (Path file : files) {
                exercisesByFile.computeIfAbsent(file, f -> new LinkedHashSet<>()).add(exercise.id());
                for (Path folder = file.getParent(); folder != null && folder.startsWith(this.root);
                     folder = folder.getParent()) {
                    folders.add(folder);
                }
            }
        }
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public String name() {
        return "the exercises folder";
    }

    @Override
    public Set<String> ids() {
        return filesByExercise.keySet();
    }

    @Override
    public List<Path> filesOf(String exerciseId) {
        return filesByExercise.getOrDefault(exerciseId, List.of());
    }

    /** True for the root and every folder that contains an exercise file at some depth. */
    @Override
    public boolean leadsToWatchedFiles(Path folder) {
        return folders.contains(folder.toAbsolutePath().normalize());
    }

    /**
     * The exercises a change at {@code path} may concern: those of an exercise file, or, for a
     * folder that was removed or created whole, those with files inside it; else none.
     */
    @Override
    public Set<String> idsAt(Path path) {
        Path changed = path.toAbsolutePath().normalize();
        Set<String> direct = exercisesByFile.get(changed);
        if (direct != null) {
            return direct;
        }
        if (!folders.contains(changed)) {
            return Set.of();
        }
        Set<String> inside = new LinkedHashSet<>();
        exercisesByFile.forEach((file, ids) -> {
            if (file.startsWith(changed)) {
                inside.addAll(ids);
            }
        });
        return inside;
    }
}
