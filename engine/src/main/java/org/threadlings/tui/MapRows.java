package org.threadlings.tui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.threadlings.course.Course;
import org.threadlings.course.Exercise;
import org.threadlings.course.Lesson;
import org.threadlings.progress.Progress;

/**
 * Which lines the course map shows: every lesson that has something to show under the filter
 * and the search, and the exercises of the lessons that are unfolded. While a search is typed,
 * matching exercises show in every lesson, folded or not, so nothing is hidden from a search.
 */
final class MapRows {

    enum Filter { ALL, PENDING, DONE }

    /** A line of the map: a lesson (exercise null), or one of its exercises. */
    record Row(Lesson lesson, Exercise exercise) {

        boolean isLesson() {
            return exercise == null;
        }

        /** Names the line across reloads of the course, whose records are then new objects. */
        String key() {
            return lesson.id() + "/" + (exercise == null ? "" : exercise.id());
        }
    }

    private MapRows() {
    }

    /**
     * @param unfolded    ids of the lessons whose exercises are shown
     * @param showMatches whether exercises that match {@code search} show even in folded lessons
     */
    static List<Row> of(Course course, Progress progress, Filter filter, String search, Set<String> unfolded,
                        boolean showMatches) {
        List<Row> rows = new ArrayList<>();
        String query = search.toLowerCase(Locale.ROOT);
        for (Lesson lesson : course.lessons()) {
            boolean lessonMatches = query.isEmpty() || lesson.title().toLowerCase(Locale.ROOT).contains(query);
            List<Row> exercises = new ArrayList<>();
            for (Exercise exercise : lesson.exercises()) {
                if (shown(filter, progress.isDone(exercise.id())) && (lessonMatches || matches(exercise, query))) {
                    exercises.add(new Row(lesson, exercise));
                }
            }
            boolean listed = query.isEmpty() ? filter == Filter.ALL || !exercises.isEmpty()
                    : !exercises.isEmpty() || (filter == Filter.ALL && lessonMatches);
            if (!listed) {
                continue;
            }
            rows.add(new Row(lesson, null));
            if (unfolded.contains(lesson.id()) || (showMatches && !query.isEmpty())) {
                rows.addAll(exercises);
            }
        }
        return rows;
    }

    /** The lessons that hold an exercise matching {@code search}: a committed search unfolds them. */
    static List<String> lessonsWithMatches(Course course, Progress progress, Filter filter, String search) {
        String query = search.toLowerCase(Locale.ROOT);
        return course.lessons().stream()
                .filter(l -> l.exercises().stream().anyMatch(e -> shown(filter, progress.isDone(e.id()))
                        && (matches(e, query) || l.title().toLowerCase(Locale.ROOT).contains(query))))
                .map(Lesson::id)
                .toList();
    }

    private static boolean matches(Exercise exercise, String query) {
        return exercise.id().contains(query) || exercise.title().toLowerCase(Locale.ROOT).contains(query);
    }

    private static boolean shown(Filter filter, boolean done) {
        return switch (filter) {
            case ALL -> true;
            case PENDING -> !done;
            case DONE -> done;
        };
    }
}
