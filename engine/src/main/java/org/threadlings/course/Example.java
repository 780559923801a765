package org.threadlings.course;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A runnable program that illustrates the lesson.
 *
 * @param source      the Java file with a {@code main} method
 * @param usesExercises exercises whose student files are compiled alongside, so an example can
 *                    exercise the student's own code (for instance to compare throughput)
 */
public record Example(
        String id,
        String lessonId,
        String title,
        String description,
        Path source,
        List<String> usesExercises,
        List<String> args,
        Duration timeLimit) {

    public Example {
        usesExercises = List.copyOf(usesExercises);
        args = List.copyOf(args);
    }
}
