package org.threadlings.validation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The summary of a validation, a row per lesson: how many exercises, starters failing, solutions
 * passing, wrong answers caught by their intended check, and the time their gradings took.
 */
public final class ValidationTable {

    /** One lesson's row. */
    public record Row(String lesson, int exercises, int startersFailing, int solutionsPassing, int solutionsPending,
                      long wrongCaught, long wrongTotal, Duration grading) {
    }

    private ValidationTable() {
    }

    public static List<Row> rows(List<CourseValidator.ExerciseReport> reports) {
        Map<String, List<CourseValidator.ExerciseReport>> byLesson = new LinkedHashMap<>();
        reports.forEach(r -> byLesson.computeIfAbsent(r.exercise().lessonId(), k -> new ArrayList<>()).add(r));
        List<Row> rows = new ArrayList<>();
        byLesson.forEach((lesson, list) -> rows.add(new Row(lesson, list.size(),
                (int) list.stream().filter(CourseValidator.ExerciseReport::starterFails).count(),
                (int) list.stream().filter(CourseValidator.ExerciseReport::solutionPasses).count(),
                (int) list.stream().filter(CourseValidator.ExerciseReport::solutionPending).count(),
                list.stream().mapToLong(CourseValidator.ExerciseReport::wrongCaughtAsIntended).sum(),
                list.stream().mapToLong(CourseValidator.ExerciseReport::wrongTotal).sum(),
                Duration.ofMillis(list.stream().mapToLong(CourseValidator.ExerciseReport::gradingMillis).sum()))));
        return rows;
    }

    /** The table as plain text, with a total row. */
    public static List<String> render(List<Row> rows, Duration wall) {
        List<String> lines = new ArrayList<>();
        String format = "%-16s %9s %17s %18s %20s %10s";
        lines.add(String.format(Locale.ROOT, format, "lesson", "exercises", "starters failing", "solutions passing",
                "wrong answers caught", "grading"));
        int exercises = 0;
        int starters = 0;
        int solutions = 0;
        int pending = 0;
        long caught = 0;
        long wrong = 0;
        long millis = 0;
        for (Row r : rows) {
            lines.add(String.format(Locale.ROOT, format, r.lesson(), r.exercises(), r.startersFailing() + "/" + r.exercises(),
                    passing(r.solutionsPassing(), r.solutionsPending(), r.exercises()), r.wrongCaught() + "/" + r.wrongTotal(),
                    seconds(r.grading().toMillis())));
            exercises += r.exercises();
            starters += r.startersFailing();
            solutions += r.solutionsPassing();
            pending += r.solutionsPending();
            caught += r.wrongCaught();
            wrong += r.wrongTotal();
            millis += r.grading().toMillis();
        }
        lines.add(String.format(Locale.ROOT, format, "all", exercises, starters + "/" + exercises,
                passing(solutions, pending, exercises), caught + "/" + wrong, seconds(millis)));
        lines.add("Wall time " + seconds(wall.toMillis()) + " (gradings ran side by side; 'grading' adds up each one's own time).");
        return lines;
    }

    /** Solutions passing, and how many are still to write: those are not counted as passing. */
    private static String passing(int passing, int pending, int exercises) {
        return passing + "/" + exercises + (pending > 0 ? " (" + pending + " to write)" : "");
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
