package org.threadlings.course;

import java.util.List;

/** A multiple-choice question with exactly one correct choice. */
public record QuizQuestion(String id, String question, List<Choice> choices, String explanation) {

    public QuizQuestion {
        choices = List.copyOf(choices);
    }

    public int correctIndex() {
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).correct()) {
                return i;
            }
        }
        throw new IllegalStateException("question " + id + " has no correct choice");
    }

    /** One answer; {@code feedback} (optional) says why it is right or wrong. */
    public record Choice(String text, boolean correct, String feedback) {
    }
}
