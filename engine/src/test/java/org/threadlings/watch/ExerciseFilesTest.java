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
        assertEquals(Set.of("counter-atomic"), files.exercisesAt(root.resolve("races/AtomicCounter.java")));
        assertEquals(Set.of("pool"), files.exercisesAt(root.resolve("executors/pool/Task.java")));
    }

    @Test
    void editor_files_beside_an_exercise_file_name_none() {
        for (String name : List.of(".AtomicCounter.java.swp", ".AtomicCounter.java.swx", "4913", "AtomicCounter.java~",
                "#AtomicCounter.java#", ".#AtomicCounter.java", "AtomicCounter.java___jb_tmp___",
                "AtomicCounter.java___jb_old___", "AtomicCounter.java.tmp", "AtomicCounter.java.crswap")) {
            assertEquals(Set.of(), files.exercisesAt(root.resolve("races").resolve(name)), name);
        }
    }

    @Test
    void a_folder_names_the_exercises_inside_it() {
        assertEquals(Set.of("counter-atomic", "counter-lock"), files.exercisesAt(root.resolve("races")));
        assertEquals(Set.of("pool"), files.exercisesAt(root.resolve("executors")));
        assertEquals(Set.of(), files.exercisesAt(root.resolve("target")));
    }

    @Test
    void only_folders_on_the_way_to_exercise_files_are_watched() {
        assertTrue(files.leadsToExerciseFiles(root));
        assertTrue(files.leadsToExerciseFiles(root.resolve("executors")));
        assertTrue(files.leadsToExerciseFiles(root.resolve("executors/pool")));
        assertFalse(files.leadsToExerciseFiles(root.resolve("target")));
        assertFalse(files.leadsToExerciseFiles(root.resolve("races/.idea")));
    }
}
