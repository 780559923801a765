package org.threadlings.cli;

import java.util.Collection;
import java.util.List;
import org.threadlings.course.Course;
import org.threadlings.course.Example;
import org.threadlings.course.Exercise;
import org.threadlings.course.Suggestions;

/** Finds exercises and examples by id, and answers a typo with the closest ids. */
final class Lookup {

    private Lookup() {
    }

    static Exercise exercise(Course course, String id) {
        return course.exercise(id).orElseThrow(() -> unknown("exercise", id,
                course.exercises().map(Exercise::id).toList(), "./run.sh list"));
    }

    static List<Exercise> exercises(Course course, Collection<String> ids) {
        return ids.stream().distinct().map(id -> exercise(course, id)).toList();
    }

    static Example example(Course course, String id) {
        return course.example(id).orElseThrow(() -> unknown("example", id,
                course.examples().map(Example::id).toList(), "./run.sh list --examples"));
    }

    private static UserError unknown(String kind, String id, List<String> known, String listCommand) {
        List<String> close = Suggestions.closest(id, known, 3);
        String suggestion = close.isEmpty() ? "" : " Did you mean: " + String.join(", ", close) + "?";
        return new UserError("There is no " + kind + " '" + id + "'." + suggestion + " (" + listCommand
                + " shows them all.)");
    }
}
