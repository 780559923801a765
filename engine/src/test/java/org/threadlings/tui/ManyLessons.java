package org.threadlings.tui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.threadlings.course.Course;
import org.threadlings.course.Exercise;
import org.threadlings.course.Lesson;
import org.threadlings.course.QuizQuestion;
import org.threadlings.course.Section;

/** A course as long as the full one will be: lessons l01…lNN, each with exercises lNN-e1…. */
final class ManyLessons {

    /** The first lesson's first question: long, with inline code, to be wrapped and rendered. */
    static final String LONG_QUESTION = "Ten threads share one counter and call `count++` on it; which change makes "
            + "every increment count, without making the `get()` of a reader wait for the writers at all?";

    private ManyLessons() {
    }

    static Course course(int lessons, int exercisesEach) {
        List<Lesson> all = new ArrayList<>();
        for (int l = 1; l <= lessons; l++) {
            String id = String.format("l%02d", l);
            List<Exercise> exercises = new ArrayList<>();
            for (int e = 1; e <= exercisesEach; e++) {
                exercises.add(new Exercise(id + "-e" + e, id, "Exercise " + e + " of lesson " + l,
                        List.of(id + "/Exercise" + e + ".java"), "Make it exact.", List.of("Look closer."), List.of(),
                        Duration.ofSeconds(20), List.of(), List.of(), List.of()));
            }
            List<QuizQuestion> quiz = List.of(new QuizQuestion("q1", l == 1 ? LONG_QUESTION : "Short question " + l + "?",
                    List.of(new QuizQuestion.Choice("An `AtomicLong`", true, ""),
                            new QuizQuestion.Choice("A `volatile` field", false, "Not atomic.")),
                    "Only the atomic makes the three steps one."));
            all.add(new Lesson(id, "Lesson " + l + ": topic number " + l, "About topic " + l + ".",
                    Path.of("lessons", id), List.of(new Section("Start", "Text of lesson " + l + ".")), List.of(),
                    exercises, quiz));
        }
        return new Course(Path.of("lessons"), "Many lessons", all);
    }
}
