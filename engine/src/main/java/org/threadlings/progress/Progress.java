package org.threadlings.progress;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a student has done: per exercise the last grading result and the hints seen, the quiz
 * answers, and the exercise they are on. Immutable; every change makes a new value.
 *
 * @param current the exercise the student last worked on, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Progress(int format, String current, Map<String, ExerciseProgress> exercises,
                       Map<String, QuizAnswer> quiz) {

    public static final int FORMAT = 1;

    public static final Progress EMPTY = new Progress(FORMAT, null, Map.of(), Map.of());

    public Progress {
        exercises = exercises == null ? Map.of() : Map.copyOf(exercises);
        quiz = quiz == null ? Map.of() : Map.copyOf(quiz);
    }

    /** One exercise. {@code lastResult} is an {@code ExerciseStatus} label: pass, fail, inconclusive, error, timeout, tampered. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExerciseProgress(boolean done, String lastResult, Instant lastRun, int hintsShown) {
        public static final ExerciseProgress NEW = new ExerciseProgress(false, null, null, 0);
    }

    /** A quiz answer: the choice picked (0-based) and whether it was right. */
    public record QuizAnswer(int choice, boolean correct, Instant answeredAt) {
    }

    public ExerciseProgress exercise(String id) {
        return exercises.getOrDefault(id, ExerciseProgress.NEW);
    }

    public boolean isDone(String exerciseId) {
        return exercise(exerciseId).done();
    }

    /** A new value with the result of grading {@code exerciseId} recorded; a pass marks it done. */
    public Progress graded(String exerciseId, boolean passed, String result, Instant when) {
        ExerciseProgress before = exercise(exerciseId);
        return withExercise(exerciseId,
                new ExerciseProgress(before.done() || passed, result, when, before.hintsShown()), exerciseId);
    }

    public Progress hintShown(String exerciseId, int count) {
        ExerciseProgress before = exercise(exerciseId);
        return withExercise(exerciseId,
                new ExerciseProgress(before.done(), before.lastResult(), before.lastRun(), count), current);
    }

    /** After a reset the exercise is to be solved again. */
    public Progress reset(String exerciseId) {
        ExerciseProgress before = exercise(exerciseId);
        return withExercise(exerciseId, new ExerciseProgress(false, null, null, before.hintsShown()), exerciseId);
    }

    public Progress answered(String questionKey, QuizAnswer answer) {
        Map<String, QuizAnswer> answers = new LinkedHashMap<>(quiz);
        answers.put(questionKey, answer);
        return new Progress(FORMAT, current, exercises, answers);
    }

    public Progress withCurrent(String exerciseId) {
        return new Progress(FORMAT, exerciseId, exercises, quiz);
    }

    private Progress withExercise(String id, ExerciseProgress value, String newCurrent) {
        Map<String, ExerciseProgress> all = new LinkedHashMap<>(exercises);
        all.put(id, value);
        return new Progress(FORMAT, newCurrent, all, quiz);
    }
}
