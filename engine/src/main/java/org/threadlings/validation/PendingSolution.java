package org.threadlings.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.threadlings.course.Exercise;

/**
 * A reference solution its author has not written yet. A freshly scaffolded exercise ships a
 * solution that is still the starter, marked with {@link #MARKER}; validate reports such an
 * exercise as "still to write" instead of grading the solution, so the new files are accepted the
 * moment they exist, yet nobody can mistake the exercise for finished.
 */
public final class PendingSolution {

    /** The text that marks a solution file as not written yet; removing it asks validate to grade it. */
    public static final String MARKER = "THREADLINGS-SOLUTION-PENDING";

    private PendingSolution() {
    }

    /** The exercise's solution files (relative to solutions/) that still carry the marker. */
    public static List<String> files(Exercise exercise, Path solutions) throws IOException {
        List<String> pending = new java.util.ArrayList<>();
        for (String file : exercise.files()) {
            Path solution = solutions.resolve(file);
            if (Files.isRegularFile(solution) && Files.readString(solution).contains(MARKER)) {
                pending.add(file);
            }
        }
        return List.copyOf(pending);
    }
}
