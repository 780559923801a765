package org.threadlings.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExerciseFilesTest {

    private final Path root = Path.of("/course/exercises");
    private final ExerciseFiles files = new ExerciseFiles(root, List.of(
            Exercises.of("counter-atomic", "races/AtomicCounter.java"),
            Exercises.of("counter-lock", "races/LockCounter.java"),
            Exercises.of("pool", "executors/pool/Pool.java", "executors/pool/Task.java")));

    @Test
    void an_exercise_file_names_its_exercise() {
        assertEquals(Set.of("counter-atomic"), files.idsAt(root.resolve("races/AtomicCounter.java")));
        assertEquals(Set.of("pool"), files.idsAt(root.resolve("executors/pool/Task.java")));
    }

    @Test
    void editor_files_beside_an_exercise_file_name_none() {
        for (String name : List.of(".AtomicCounter.java.swp", ".AtomicCounter.java.swx", "4913", "AtomicCounter.java~",
                "#AtomicCounter.java#", ".#AtomicCounter.java", "AtomicCounter.java___jb_tmp___",
                "AtomicCounter.java___jb_old___", "AtomicCounter.java.tmp", "AtomicCounter.java.crswap")) {
            assertEquals(Set.of(), files.idsAt(root.resolve("races").resolve(name)), name);
        }
    }

    @Test
    void a_folder_names_the_exercises_inside_it() {
        assertEquals(Set.of("counter-atomic", "counter-lock"), files.idsAt(root.resolve("races")));
        assertEquals(Set.of("pool"), files.idsAt(root.resolve("executors")));
        assertEquals(Set.of(), files.idsAt(root.resolve("target")));
    }

    @Test
    void only_folders_on_the_way_to_exercise_files_are_watched() {
        assertTrue(files.leadsToWatchedFiles(root));
        assertTrue(files.leadsToWatchedFiles(root.resolve("executors")));
        assertTrue(files.leadsToWatchedFiles(root.resolve("executors/pool")));
        assertFalse(files.leadsToWatchedFiles(root.resolve("target")));
        assertFalse(files.leadsToWatchedFiles(root.resolve("races/.idea")));
    }
}
