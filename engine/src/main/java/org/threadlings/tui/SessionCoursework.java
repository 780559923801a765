package org.threadlings.tui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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
import org.threadlings.loading.CourseLoader;
import org.threadlings.progress.Position;
import org.threadlings.progress.Progress;
import org.threadlings.session.Session;
import org.threadlings.verdict.Verdict;
import org.threadlings.watch.SaveWatcher;
import org.threadlings.watch.SaveListener;
import org.threadlings.watch.WatchStart;
import org.threadlings.workspace.Reset;
import org.threadlings.workspace.StarterStore;

/** {@link Coursework} on a session: the student's own course folder. */
final class SessionCoursework implements Coursework {

    private final Session session;
    /** Replaced when the lessons are edited while the UI is open; graders read it from their threads. */
    private volatile Course course;

    SessionCoursework(Session session) throws CourseFormatException {
        this.session = session;
        this.course = session.course();
    }

    @Override
    public Course course() {
        return course;
    }

    @Override
    public Course loadCourse() throws CourseFormatException {
        return new CourseLoader(session.workspace().root()).load();
    }

    @Override
    public void replaceCourse(Course replacement) {
        this.course = replacement;
    }

    @Override
    public Progress progress() {
        return session.progress().load();
    }

    @Override
    public Verdict grade(Exercise exercise, GradingListener listener, Cancellation cancellation) {
        return session.grader().grade(exercise, session.workspace().exercises(), listener, cancellation);
    }

    @Override
    public void record(Exercise exercise, Verdict verdict) {
        session.progress().update(p -> Position.afterGrading(course, p, exercise, verdict.passed(),
                verdict.status().label(), Instant.now()));
    }

    @Override
    public void hintShown(Exercise exercise, int count) {
        session.progress().update(p -> p.hintShown(exercise.id(), count));
    }

    @Override
    public void answered(Lesson lesson, QuizQuestion question, int choice) {
        session.progress().update(p -> p.answered(lesson.id() + "/" + question.id(),
                new Progress.QuizAnswer(choice, choice == question.correctIndex(), Instant.now())));
    }

    @Override
    public void workingOn(Exercise exercise) {
        session.progress().update(p -> p.withCurrent(exercise.id()));
    }

    @Override
    public ExampleRunner.Result runExample(Example example, Consumer<byte[]> output, AtomicBoolean stop) {
        return session.examples().run(example, course, session.workspace().exercises(), output, stop);
    }

    @Override
    public Reset.Result reset(Exercise exercise) throws IOException, StarterStore.MissingOriginal {
        Reset.Result result = new Reset(session.workspace(), session.starters()).reset(exercise);
        session.progress().update(p -> p.reset(exercise.id()));
        return result;
    }

    @Override
    public Path fileOf(Exercise exercise, String file) {
        return session.workspace().exercises().resolve(file);
    }

    @Override
    public Optional<String> solution(Exercise exercise) {
        StringBuilder text = new StringBuilder();
        for (String file : exercise.files()) {
            Path path = session.workspace().solutions().resolve(file);
            try {
                if (exercise.files().size() > 1) { // say where each file begins
                    text.append(text.isEmpty() ? "" : "\n").append("// ---- ").append(file).append(" ----\n\n");
                }
                text.append(Files.readString(path, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text.toString());
    }

    @Override
    public String shown(Path path) {
        return session.workspace().shown(path);
    }

    @Override
    public WatchStart watch(SaveListener listener) {
        return SaveWatcher.exercises(session.workspace().exercises(), course.exercises().toList(), listener);
    }

    @Override
    public WatchStart watchLessons(SaveListener listener) {
        return SaveWatcher.lessons(session.workspace().lessons(), listener);
    }

    @Override
    public void prepare(Exercise exercise) {
        session.grader().prepare(exercise);
    }

    @Override
    public List<String> takeWarnings() {
        return session.progress().takeWarnings();
    }
}
