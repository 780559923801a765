package org.threadlings.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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
import org.threadlings.progress.Progress;
import org.threadlings.session.Session;
import org.threadlings.verdict.CapturedOutput;
import org.threadlings.verdict.CheckResult;
import org.threadlings.verdict.CheckStatus;
import org.threadlings.verdict.ExerciseStatus;
import org.threadlings.verdict.Measurement;
import org.threadlings.verdict.Outcome;
import org.threadlings.verdict.Verdict;
import org.threadlings.watch.SaveListener;
import org.threadlings.watch.WatchStart;
import org.threadlings.workspace.Reset;

/**
 * Walks through the UI's screens on a virtual terminal, with the real course but without
 * touching the student's progress or files. Run once after a build while the JVM records its
 * start-up cache, so that the classes the UI needs are ready on every later start.
 */
public final class Rehearsal {

    private Rehearsal() {
    }

    public static void run(Session session) throws IOException, CourseFormatException, InterruptedException {
        Coursework work = new ReadOnly(new SessionCoursework(session));
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(80, 24));
        Display display = Display.open(() -> terminal);
        Thread ui = Thread.ofPlatform().start(() ->
                CourseUi.runOn(display, work, StandardCharsets.UTF_8, Telemetry.fromSystemProperty()));
        for (KeyStroke key : List.of(key('f'), key('f'), key('f'), key('/'), key('a'), new KeyStroke(KeyType.Escape),
                new KeyStroke(KeyType.Escape), new KeyStroke(KeyType.Home), new KeyStroke(KeyType.Enter),
                new KeyStroke(KeyType.Enter), key('o'), key('n'),
                key('2'), key('3'), key('4'), new KeyStroke(KeyType.Enter), key('a'), key('q'), key('q'),
                new KeyStroke(KeyType.ArrowDown), new KeyStroke(KeyType.Enter), key('r'), key('h'), key('?'), key('x'),
                key('q'), key('Q'))) {
            terminal.addInput(key);
            Thread.sleep(40);
        }
        ui.join(10_000);
    }

    private static KeyStroke key(char c) {
        return new KeyStroke(c, false, false);
    }

    /** The real course, read-only: writes are dropped, grading returns a fixed verdict. */
    private record ReadOnly(Coursework real) implements Coursework {

        @Override
        public Course course() {
            return real.course();
        }

        @Override
        public Course loadCourse() throws CourseFormatException {
            return real.loadCourse();
        }

        @Override
        public void replaceCourse(Course course) {
            // a rehearsal watches no lessons, so the course never changes under it
        }

        @Override
        public Progress progress() {
            return real.progress();
        }

        @Override
        public Verdict grade(Exercise exercise, GradingListener listener, Cancellation cancellation) {
            CheckResult check = new CheckResult("1", "rehearsal", CheckStatus.FAIL, "not graded",
                    new Measurement(1.5, 1.4, "×", true), List.of("note"), 1);
            listener.checkFinished(check);
            return new Verdict(exercise.id(), ExerciseStatus.FAIL, Outcome.COMPLETED, "", List.of(check), List.of(),
                    CapturedOutput.NONE, Duration.ofMillis(1));
        }

        @Override
        public void record(Exercise exercise, Verdict verdict) {
        }

        @Override
        public void hintShown(Exercise exercise, int count) {
        }

        @Override
        public void answered(Lesson lesson, QuizQuestion question, int choice) {
        }

        @Override
        public void workingOn(Exercise exercise) {
        }

        @Override
        public ExampleRunner.Result runExample(Example example, Consumer<byte[]> output, AtomicBoolean stop) {
            return new ExampleRunner.Result(0, false, false, List.of(), CapturedOutput.NONE, Duration.ZERO);
        }

        @Override
        public Reset.Result reset(Exercise exercise) {
            return new Reset.Result(List.of(), List.of(), null);
        }

        @Override
        public Path fileOf(Exercise exercise, String file) {
            return real.fileOf(exercise, file);
        }

        @Override
        public Optional<String> solution(Exercise exercise) {
            return Optional.empty();
        }

        @Override
        public String shown(Path path) {
            return real.shown(path);
        }

        @Override
        public WatchStart watch(SaveListener listener) {
            return new WatchStart.Unavailable("a rehearsal watches nothing");
        }

        @Override
        public WatchStart watchLessons(SaveListener listener) {
            return new WatchStart.Unavailable("a rehearsal watches nothing");
        }

        @Override
        public void prepare(Exercise exercise) {
        }

        @Override
        public List<String> takeWarnings() {
            return List.of();
        }
    }
}
