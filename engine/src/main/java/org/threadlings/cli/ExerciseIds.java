package org.threadlings.cli;

import java.util.Iterator;
import java.util.List;
import org.threadlings.course.Exercise;
import org.threadlings.loading.CourseFormatException;
import org.threadlings.loading.CourseLoader;

/**
 * Exercise ids for shell completion. Read only when iterated (when a completion script is
 * generated or the interactive shell completes), never on an ordinary start.
 */
final class ExerciseIds implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        try {
            return new CourseLoader(ThreadlingsCommand.defaultCourse()).load().exercises()
                    .map(Exercise::id).toList().iterator();
        } catch (CourseFormatException e) {
            return List.<String>of().iterator();
        }
    }
}
