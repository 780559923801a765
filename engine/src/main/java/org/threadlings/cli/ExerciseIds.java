package org.threadlings.cli;

import java.util.Iterator;
import java.util.List;
import org.threadlings.course.Exercise;
import org.threadlings.loading.CourseFormatException;

/**
 * Exercise ids for completion. Read only when iterated (when a completion script is generated or
 * the interactive shell completes), never on an ordinary start.
 */
final class ExerciseIds implements Iterable<String> {

    private final ThreadlingsCommand root;

    ExerciseIds(ThreadlingsCommand root) {
        this.root = root;
    }

    @Override
    public Iterator<String> iterator() {
        try {
            return root.session().course().exercises().map(Exercise::id).toList().iterator();
        } catch (CourseFormatException e) {
            return List.<String>of().iterator();
        }
    }
}
