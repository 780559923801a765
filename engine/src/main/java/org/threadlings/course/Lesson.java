package org.threadlings.course;

import java.nio.file.Path;
import java.util.List;

/** One lesson: text to read, examples to run, exercises to solve and a short quiz. */
public record Lesson(
        String id,
        String title,
        String summary,
        Path dir,
        List<Section> sections,
        List<Example> examples,
        List<Exercise> exercises,
        List<QuizQuestion> quiz) {

    public Lesson {
        sections = List.copyOf(sections);
        examples = List.copyOf(examples);
        exercises = List.copyOf(exercises);
        quiz = List.copyOf(quiz);
    }
}
