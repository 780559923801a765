package org.threadlings.progress;

import java.util.List;
import java.util.Optional;
import org.threadlings.course.Course;
import org.threadlings.course.Exercise;

/** Where a student stands in a course: the exercise to work on now, and the next one. */
public final class Position {

    private Position() {
    }

    /**
     * The exercise the student is on: the one they last worked on if it is not done yet,
     * otherwise the first exercise not done in course order; empty when everything is done.
     */
    public static Optional<Exercise> current(Course course, Progress progress) {
        if (progress.current() != null) {
            Optional<Exercise> last = course.exercise(progress.current());
            if (last.isPresent() && !progress.isDone(last.get().id())) {
                return last;
            }
        }
        return course.exercises().filter(e -> !progress.isDone(e.id())).findFirst();
    }

    /**
     * Progress after grading {@code exercise}: its result recorded, and, when it passed, the
     * student moved on to the next exercise not done yet.
     */
    public static Progress afterGrading(Course course, Progress progress, Exercise exercise, boolean passed,
                                        String result, java.time.Instant when) {
        Progress graded = progress.graded(exercise.id(), passed, result, when);
        return passed ? graded.withCurrent(nextAfter(course, graded, exercise).map(Exercise::id).orElse(null)) : graded;
    }

    /** The first exercise after {@code exercise}, in course order, that is not done. */
    public static Optional<Exercise> nextAfter(Course course, Progress progress, Exercise exercise) {
        List<Exercise> all = course.exercises().toList();
        int index = all.indexOf(exercise);
        for (int i = 1; i < all.size(); i++) {
            Exercise candidate = all.get((index + i) % all.size());
            if (!progress.isDone(candidate.id())) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
