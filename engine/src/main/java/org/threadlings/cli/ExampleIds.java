package org.threadlings.cli;

import java.util.Iterator;
import java.util.List;
import org.threadlings.course.Example;
import org.threadlings.loading.CourseFormatException;

/** Example ids for completion; like {@link ExerciseIds}, read only when iterated. */
final class ExampleIds implements Iterable<String> {

    private final ThreadlingsCommand root;

    ExampleIds(ThreadlingsCommand root) {
        this.root = root;
    }

    @Override
    public Iterator<String> iterator() {
        try {
            return root.session().course().examples().map(Example::id).toList().iterator();
        } catch (CourseFormatException e) {
            return List.<String>of().iterator();
        }
    }
}
