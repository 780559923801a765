package org.threadlings.tui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.threadlings.course.Course;
import org.threadlings.course.Example;
import org.threadlings.course.Exercise;
import org.threadlings.course.Lesson;
import org.threadlings.course.QuizQuestion;
import org.threadlings.examples.ExampleRunner;
import org.threadlings.grading.Cancellation;
import org.threadlings.grading.GradingListener;
import org.threadlings.loading.CourseFormatException;
import org.threadlings.progress.Progress;
import org.threadlings.verdict.Verdict;
import org.threadlings.watch.SaveListener;
import org.threadlings.watch.WatchStart;
import org.threadlings.workspace.Reset;
import org.threadlings.workspace.StarterStore;

/**
 * Everything the UI does with the course, in one place: the real one works on a session (and
 * its warm compiler); tests give the screens a scripted one.
 */
interface Coursework {

    Course course();

    /** Reads the course from its files again, for a live preview; any thread. Installs nothing. */
    Course loadCourse() throws CourseFormatException;

    /** From now on, {@link #course()} is {@code course}: the lessons were edited. UI thread. */
    void replaceCourse(Course course);

    Progress progress();

    /** Grades an exercise's files; blocks until the verdict. */
    Verdict grade(Exercise exercise, GradingListener listener, Cancellation cancellation);

    /** Records a verdict in the student's progress. */
    void record(Exercise exercise, Verdict verdict);

    void hintShown(Exercise exercise, int count);

    void answered(Lesson lesson, QuizQuestion question, int choice);

    void workingOn(Exercise exercise);

    ExampleRunner.Result runExample(Example example, Consumer<byte[]> output, AtomicBoolean stop);

    Reset.Result reset(Exercise exercise) throws IOException, StarterStore.MissingOriginal;

    /** The student's copy of the exercise's files. */
    Path fileOf(Exercise exercise, String file);

    /** The reference solution's files, one after another, for showing. */
    Optional<String> solution(Exercise exercise);

    /** A path as the student knows it: relative to the course folder. */
    String shown(Path path);

    /** Starts watching the exercises folder for saves; or says why it cannot. */
    WatchStart watch(SaveListener listener);

    /** Starts watching the lessons folder for edits of lesson text; or says why it cannot. */
    WatchStart watchLessons(SaveListener listener);

    /** Gets a grading JVM ready for this exercise ahead of the next grading. */
    void prepare(Exercise exercise);

    /** Warnings for the student, such as damaged progress, each returned once. */
    java.util.List<String> takeWarnings();
}
