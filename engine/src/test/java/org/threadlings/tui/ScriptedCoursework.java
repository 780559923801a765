package org.threadlings.tui;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.threadlings.course.Course;
import org.threadlings.course.Example;
import org.threadlings.course.Exercise;
import org.threadlings.course.Lesson;
import org.threadlings.course.QuizQuestion;
import org.threadlings.examples.ExampleRunner;
import org.threadlings.grading.Cancellation;
import org.threadlings.grading.GradingListener;
import org.threadlings.grading.protocol.ChildEvent.PlannedCheck;
import org.threadlings.loading.CourseFormatException;
import org.threadlings.loading.CourseLoader;
import org.threadlings.progress.Position;
import org.threadlings.progress.Progress;
import org.threadlings.verdict.CapturedOutput;
import org.threadlings.verdict.CheckResult;
import org.threadlings.verdict.CheckStatus;
import org.threadlings.verdict.ExerciseStatus;
import org.threadlings.verdict.Measurement;
import org.threadlings.verdict.Outcome;
import org.threadlings.verdict.Verdict;
import org.threadlings.watch.SaveWatcher;
import org.threadlings.watch.SaveListener;
import org.threadlings.watch.WatchStart;
import org.threadlings.workspace.Reset;

/**
 * The real course's lessons with scripted results: gradings fail first and pass the second
 * time, examples print two lines, progress lives in memory. Lets the screens be driven like a
 * student would, without compiling or starting JVMs.
 */
final class ScriptedCoursework implements Coursework {

    /** The tests' own course: one lesson, a frozen copy of the race lesson. */
    static final Path ROOT = findRoot().resolve("engine/src/test/course");

    private volatile Course course;
    private final Path exercisesDir;
    /** The course folder whose lessons are watched for edits; null: a course without files. */
    private final Path courseRoot;
    private Progress progress = Progress.EMPTY;
    final AtomicInteger gradings = new AtomicInteger();
    final List<String> resets = new ArrayList<>();
    final List<String> prepared = new ArrayList<>();
    /** Open once the UI has asked to watch the lessons: edits made after that are seen. */
    final java.util.concurrent.CountDownLatch lessonsWatched = new java.util.concurrent.CountDownLatch(1);

    ScriptedCoursework() throws Exception {
        this(ROOT.resolve("exercises"));
    }

    /** With the student's files in {@code exercisesDir}: saves there are watched for real. */
    ScriptedCoursework(Path exercisesDir) throws Exception {
        this(ROOT, exercisesDir, null);
    }

    private ScriptedCoursework(Path root, Path exercisesDir, Path watchedRoot) throws Exception {
        course = new CourseLoader(root).load();
        this.exercisesDir = exercisesDir;
        this.courseRoot = watchedRoot;
    }

    /** The course in {@code courseRoot} (lessons/, solutions/, exercises/), whose lessons may be edited. */
    static ScriptedCoursework at(Path courseRoot) throws Exception {
        return new ScriptedCoursework(courseRoot, courseRoot.resolve("exercises"), courseRoot);
    }

    /** A course made by a test, with the progress the student has made in it so far. */
    ScriptedCoursework(Course course, Progress progress) {
        this.course = course;
        this.progress = progress;
        this.exercisesDir = ROOT.resolve("exercises");
        this.courseRoot = null;
    }

    @Override
    public Course course() {
        return course;
    }

    @Override
    public Course loadCourse() throws CourseFormatException {
        if (courseRoot == null) {
            throw new IllegalStateException("this course was made in the test and has no files to load");
        }
        return new CourseLoader(courseRoot).load();
    }

    @Override
    public void replaceCourse(Course replacement) {
        course = replacement;
    }

    @Override
    public WatchStart watchLessons(SaveListener listener) {
        WatchStart start = courseRoot == null ? new WatchStart.Unavailable("the course of this test has no lesson files")
                : SaveWatcher.lessons(courseRoot.resolve("lessons"), listener);
        lessonsWatched.countDown();
        return start;
    }

    @Override
    public synchronized Progress progress() {
        return progress;
    }

    @Override
    public Verdict grade(Exercise exercise, GradingListener listener, Cancellation cancellation) {
        boolean pass = gradings.incrementAndGet() % 2 == 0;
        listener.phase(GradingListener.Phase.COMPILING);
        listener.phase(GradingListener.Phase.RUNNING_CHECKS);
        List<PlannedCheck> planned = List.of(new PlannedCheck("1", "exact count"), new PlannedCheck("2", "faster"));
        listener.planned(planned);
        CheckResult exact = new CheckResult("1", "exact count", pass ? CheckStatus.PASS : CheckStatus.FAIL,
                pass ? "" : "lost 12,418 of 1,000,000 increments", null, List.of(), 300);
        CheckResult faster = new CheckResult("2", "faster", CheckStatus.PASS, "",
                new Measurement(1.84, 1.45, "×", true), List.of("one thread 360 ms, yours 195 ms"), 4000);
        listener.checkStarted("1");
        listener.checkFinished(exact);
        listener.checkStarted("2");
        listener.checkFinished(faster);
        return new Verdict(exercise.id(), pass ? ExerciseStatus.PASS : ExerciseStatus.FAIL, Outcome.COMPLETED, "",
                List.of(exact, faster), List.of(), CapturedOutput.NONE, Duration.ofMillis(4500));
    }

    @Override
    public synchronized void record(Exercise exercise, Verdict verdict) {
        progress = Position.afterGrading(course, progress, exercise, verdict.passed(), verdict.status().label(),
                Instant.now());
    }

    @Override
    public synchronized void hintShown(Exercise exercise, int count) {
        progress = progress.hintShown(exercise.id(), count);
    }

    @Override
    public synchronized void answered(Lesson lesson, QuizQuestion question, int choice) {
        progress = progress.answered(lesson.id() + "/" + question.id(),
                new Progress.QuizAnswer(choice, choice == question.correctIndex(), Instant.now()));
    }

    @Override
    public synchronized void workingOn(Exercise exercise) {
        progress = progress.withCurrent(exercise.id());
    }

    @Override
    public ExampleRunner.Result runExample(Example example, Consumer<byte[]> output, AtomicBoolean stop) {
        output.accept("round 1: lost 4,213\nround 2: lo".getBytes(StandardCharsets.UTF_8));
        output.accept("st 977\n".getBytes(StandardCharsets.UTF_8));
        return new ExampleRunner.Result(0, false, false, List.of(), CapturedOutput.NONE, Duration.ofMillis(420));
    }

    @Override
    public Reset.Result reset(Exercise exercise) {
        resets.add(exercise.id());
        return new Reset.Result(exercise.files(), List.of(), null);
    }

    @Override
    public Path fileOf(Exercise exercise, String file) {
        return exercisesDir.resolve(file);
    }

    @Override
    public WatchStart watch(SaveListener listener) {
        return SaveWatcher.exercises(exercisesDir, course.exercises().toList(), listener);
    }

    @Override
    public synchronized void prepare(Exercise exercise) {
        prepared.add(exercise.id());
    }

    @Override
    public Optional<String> solution(Exercise exercise) {
        return Optional.of("public class Solution {\n    // the answer\n}\n");
    }

    @Override
    public String shown(Path path) {
        return ROOT.relativize(path).toString();
    }

    @Override
    public List<String> takeWarnings() {
        return List.of();
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !java.nio.file.Files.isRegularFile(dir.resolve("run.sh"))) {
            dir = dir.getParent();
        }
        return dir;
    }
}
