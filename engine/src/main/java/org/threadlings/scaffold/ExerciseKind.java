package org.threadlings.scaffold;

import java.util.Arrays;
import java.util.Locale;

/**
 * The kinds of exercise {@code new exercise} can lay out, each with the toolkit its check uses and
 * the known-wrong answer it starts with.
 */
public enum ExerciseKind {
    /** Many threads on shared state, judged with Stress, Contention and RaceCanary evidence. */
    STRESS("volatile-total"),
    /** Work split over a pool, judged with ParallelismProbe and Speedup against a reference. */
    SPEEDUP("get-after-each-submit"),
    /** A construct the code must use, judged by reading the compiled class with Structure. */
    STRUCTURE("forgot-unlock");

    private final String wrongAnswer;

    ExerciseKind(String wrongAnswer) {
        this.wrongAnswer = wrongAnswer;
    }

    /** The name of the known-wrong answer the scaffold writes under wrong/EXERCISE/. */
    public String wrongAnswer() {
        return wrongAnswer;
    }

    /** The folder of this kind's templates, and the word an author types after --kind. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ExerciseKind of(String word) {
        return Arrays.stream(values()).filter(k -> k.word().equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no exercise kind '" + word + "' (kinds: "
                        + String.join(", ", Arrays.stream(values()).map(ExerciseKind::word).toList()) + ")"));
    }
}
