package org.threadlings.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.threadlings.checks.Words;
import org.threadlings.compile.CompileResult;
import org.threadlings.compile.SourceCompiler;
import org.threadlings.course.Course;
import org.threadlings.course.Example;
import org.threadlings.course.Exercise;
import org.threadlings.course.WrongAnswer;
import org.threadlings.grading.Cancellation;
import org.threadlings.grading.Grader;
import org.threadlings.grading.GradingListener;
import org.threadlings.grading.GradingSession;
import org.threadlings.grading.protocol.CheckSelection;
import org.threadlings.sandbox.ScratchDir;
import org.threadlings.verdict.CheckStatus;
import org.threadlings.verdict.ExerciseStatus;
import org.threadlings.verdict.Outcome;
import org.threadlings.verdict.Verdict;
import org.threadlings.workspace.StarterStore;
import org.threadlings.workspace.Workspace;

/**
 * Proves a course consistent: every exercise's original starter compiles and fails at least one
 * check (so there is something to do, and the checks can tell), every reference solution passes
 * all of them (so it can be done), every known-wrong answer is caught by the check meant for it
 * (so each mistake gets the message written for it), and every example compiles against the
 * solutions. Starters are graded from their originals, whatever the student has done to exercises/.
 *
 * <p>Submissions are graded several at a time, each in a grading JVM that the one before it left,
 * as long as each run leaves nothing running and asks for the same JVM options ({@link GradingSession}).
 * A result that is not what it should be (or inconclusive) is graded again at the end, alone and
 * in a fresh JVM as a student's code is, and that result decides: a busy machine is one of the
 * conditions a check must survive, but validation should not report the noise of its own
 * parallelism, or a JVM that an earlier run shaped, as a broken course.
 */
public final class CourseValidator {

    /** What validating one exercise found. */
    public record ExerciseReport(Exercise exercise, Verdict starter, Verdict solution, List<String> pendingSolution,
                                 List<WrongAnswerVerdict> wrong, List<String> problems, List<String> notes,
                                 ValidationRecord.Entry earlier) {

        /** An exercise not graded again: nothing it depends on changed since {@code earlier} found it consistent. */
        static ExerciseReport unchanged(Exercise exercise, ValidationRecord.Entry earlier) {
            return new ExerciseReport(exercise, null, null, List.of(), List.of(), List.of(), List.of(), earlier);
        }

        public boolean consistent() {
            return problems.isEmpty();
        }

        /** Whether this result was carried over from an earlier validation rather than graded now. */
        public boolean carried() {
            return earlier != null;
        }

        public boolean starterFails() {
            return carried() || starter != null && starterProblems(starter).isEmpty();
        }

        public boolean solutionPasses() {
            return carried() || solution != null && solution.passed();
        }

        public long wrongTotal() {
            return carried() ? earlier.wrongTotal() : wrong.size();
        }

        /** Whether the reference solution is still to write (its files carry {@link PendingSolution#MARKER}). */
        public boolean solutionPending() {
            return !pendingSolution.isEmpty();
        }

        public long wrongCaughtAsIntended() {
            return carried() ? earlier.wrongCaught() : wrong.stream().filter(WrongAnswerVerdict::ok).count();
        }

        /** Time spent grading this exercise's submissions now, added up (none when carried over). */
        public long gradingMillis() {
            long millis = starter == null ? 0 : starter.elapsed().toMillis();
            millis += solution == null ? 0 : solution.elapsed().toMillis();
            return millis + wrong.stream().mapToLong(w -> w.verdict().elapsed().toMillis()).sum();
        }
    }

    /** An example and the compile errors it has against the solutions (none: it compiles). */
    public record ExampleReport(Example example, List<String> problems) {
    }

    /** Hears about validation as it goes. */
    public interface Listener {
        /** An exercise's report, final. */
        void validated(ExerciseReport report);

        /**
         * What is about to be graded; the exercises left out are unchanged since they were last
         * found consistent, and their reports follow at once.
         */
        default void grading(List<Exercise> toGrade, int unchanged) {
        }

        /** Some gradings are graded again, alone in a fresh JVM, because they ran beside others or in a shared one. */
        default void regrading(int count) {
        }
    }

    /** Gradings alone of a submission whose verdict was inconclusive, before it counts as such. */
    private static final int ATTEMPTS_ALONE = 3;

    private final Workspace workspace;
    private final Grader grader;
    /** Grading JVMs started, and gradings done, so far: how well sessions shared their JVMs. */
    private final AtomicInteger jvms = new AtomicInteger();
    private final AtomicInteger gradings = new AtomicInteger();
    private final SourceCompiler compiler;
    private final StarterStore starters;

    public CourseValidator(Workspace workspace, Grader grader, SourceCompiler compiler, StarterStore starters) {
        this.workspace = workspace;
        this.grader = grader;
        this.compiler = compiler;
        this.starters = starters;
    }

    /** Validates one exercise, its gradings one after another. */
    public ExerciseReport validate(Exercise exercise) throws IOException {
        return validateAll(List.of(exercise), 1, report -> { }).get(0);
    }

    /** Validates every exercise of the course, one exercise at a time. */
    public List<ExerciseReport> validateAll(Course course, Consumer<ExerciseReport> each) throws IOException {
        return validateAll(course.exercises().toList(), 1, each::accept);
    }

    /** Validates {@code exercises}, grading every one of them. */
    public List<ExerciseReport> validateAll(List<Exercise> exercises, int parallel, Listener listener) throws IOException {
        return validateAll(exercises, parallel, ValidationRecord.none(), listener);
    }

    /**
     * Validates {@code exercises} with up to {@code parallel} exercises graded at once. An exercise
     * that {@code record} holds as consistent, and that has not changed since, is not graded again:
     * its report comes first, carried over. The others' reports follow in the order of the list,
     * and the record is updated with what they showed.
     */
    public List<ExerciseReport> validateAll(List<Exercise> exercises, int parallel, ValidationRecord record,
                                            Listener listener) throws IOException {
        // Hashing the engine's class path is work only a record that keeps results needs.
        Fingerprint fingerprint = record.keeps() ? Fingerprint.forThisEngine(workspace, starters) : null;
        Map<Exercise, Optional<String>> prints = new LinkedHashMap<>();
        List<ExerciseReport> carried = new ArrayList<>();
        List<Exercise> toGrade = new ArrayList<>();
        for (Exercise exercise : exercises) {
            // Taken before grading: an edit made while it runs is graded again next time.
            Optional<String> print = fingerprint == null ? Optional.empty() : fingerprint.of(exercise);
            prints.put(exercise, print);
            Optional<ValidationRecord.Entry> earlier = print.flatMap(p -> record.unchanged(exercise.id(), p));
            if (earlier.isPresent()) {
                carried.add(ExerciseReport.unchanged(exercise, earlier.get()));
            } else {
                toGrade.add(exercise);
            }
        }
        listener.grading(toGrade, carried.size());
        carried.forEach(listener::validated);
        List<ExerciseReport> graded = grade(toGrade, parallel, listener);
        Instant now = Instant.now();
        for (ExerciseReport report : graded) {
            Optional<String> print = prints.get(report.exercise());
            if (report.consistent() && !report.solutionPending() && print.isPresent()) {
                record.put(report.exercise().id(), new ValidationRecord.Entry(print.get(), now,
                        report.wrongCaughtAsIntended(), report.wrongTotal()));
            } else {
                record.forget(report.exercise().id());
            }
        }
        record.save();
        List<ExerciseReport> reports = new ArrayList<>(carried);
        reports.addAll(graded);
        // In the order asked for, whichever were graded.
        reports.sort(Comparator.comparingInt(r -> exercises.indexOf(r.exercise())));
        return reports;
    }

    /** Grades {@code exercises}, up to {@code parallel} gradings at once; reports arrive in the order of the list. */
    private List<ExerciseReport> grade(List<Exercise> exercises, int parallel, Listener listener) throws IOException {
        Map<Exercise, List<Submission>> plan = new LinkedHashMap<>();
        for (Exercise exercise : exercises) {
            plan.put(exercise, submissions(exercise));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel),
                Thread.ofPlatform().name("validate-", 1).daemon(true).factory());
        // A session for each grading at once. Every submission is a job of its own, taken by
        // whichever worker is free, in the session it takes: the next job that asks for the same
        // JVM options goes on in the JVM its predecessor left waiting. Jobs rather than whole
        // exercises, so that no worker idles at the end while the other grades a long exercise.
        BlockingQueue<GradingSession> sessions = new LinkedBlockingQueue<>();
        for (int i = 0; i < Math.max(1, parallel); i++) {
            sessions.add(grader.session());
        }
        WholeMachine machine = new WholeMachine();
        List<ExerciseReport> reports = new ArrayList<>();
        try {
            Map<Submission, Future<Verdict>> running = new LinkedHashMap<>();
            plan.values().forEach(list -> list.forEach(s ->
                    running.put(s, pool.submit(() -> gradeInASession(s, sessions, machine)))));
            List<Exercise> waiting = new ArrayList<>();
            Map<Submission, Verdict> verdicts = new LinkedHashMap<>();
            for (Map.Entry<Exercise, List<Submission>> entry : plan.entrySet()) {
                for (Submission s : entry.getValue()) {
                    verdicts.put(s, await(running.get(s)));
                }
                boolean settled = entry.getValue().stream().allMatch(s -> s.asExpected(verdicts.get(s)));
                if (settled) {
                    ExerciseReport report = report(entry.getKey(), entry.getValue(), verdicts, List.of());
                    reports.add(report);
                    listener.validated(report);
                } else {
                    waiting.add(entry.getKey());
                }
            }
            if (!waiting.isEmpty()) {
                List<Submission> again = waiting.stream().flatMap(e -> plan.get(e).stream())
                        .filter(s -> !s.asExpected(verdicts.get(s))).toList();
                listener.regrading(again.size());
                Map<Exercise, List<String>> notes = new LinkedHashMap<>();
                for (Submission s : again) {
                    Verdict beside = verdicts.get(s);
                    // Alone, with the checks that answer its question, as the first time.
                    Verdict solo = gradeAlone(s, selection(s));
                    // A verdict the machine could not give (a speed-up while a core was busy) is
                    // asked for again; a failure is not: correct code must never fail.
                    for (int attempt = 2; attempt <= ATTEMPTS_ALONE && inconclusive(solo); attempt++) {
                        solo = gradeAlone(s, selection(s));
                    }
                    solo = withEveryCheckIfUncaught(s, solo, checks -> gradeAlone(s, checks));
                    verdicts.put(s, solo);
                    if (s.asExpected(solo)) {
                        notes.computeIfAbsent(s.exercise(), e -> new ArrayList<>()).add(s.label() + " came out "
                                + s.outcome(beside) + (parallel > 1 ? " while other gradings ran beside it" : "")
                                + " in a grading JVM it shared; graded alone in a fresh one, it was "
                                + s.outcome(solo));
                    }
                }
                for (Exercise exercise : waiting) {
                    ExerciseReport report = report(exercise, plan.get(exercise), verdicts,
                            notes.getOrDefault(exercise, List.of()));
                    reports.add(report);
                    listener.validated(report);
                }
            }
        } finally {
            pool.shutdownNow();
            for (GradingSession session : sessions) {
                session.close();
                jvms.addAndGet(session.jvmsStarted());
                gradings.addAndGet(session.gradings());
            }
            for (List<Submission> list : plan.values()) {
                list.forEach(Submission::close);
            }
        }
        return reports;
    }

    /** Compiles an example with the reference solutions of the exercises it uses. */
    public ExampleReport validate(Example example, Course course) throws IOException {
        List<Path> sources = new ArrayList<>(List.of(example.source()));
        for (String used : example.usesExercises()) {
            course.exercise(used).ifPresent(e -> e.files().forEach(f -> sources.add(workspace.solutions().resolve(f))));
        }
        try (ScratchDir out = ScratchDir.create("threadlings-example-check")) {
            CompileResult result = compiler.compile(sources, List.of(), out.resolve("classes"), List.of());
            List<String> problems = result.errors().stream()
                    .map(d -> workspace.shown(d.file()) + ":" + d.line() + ": " + d.message().lines().findFirst().orElse(""))
                    .toList();
            return new ExampleReport(example, problems);
        }
    }

    /** The solution, the starter and each wrong answer of an exercise, laid out to be graded. */
    private List<Submission> submissions(Exercise exercise) throws IOException {
        List<Submission> list = new ArrayList<>();
        // The solution first: it runs every check, and the speed-ups it reports say which wrong
        // answers need the machine to themselves (see WholeMachine).
        if (PendingSolution.files(exercise, workspace.solutions()).isEmpty()) {
            list.add(new Submission(exercise, Submission.Kind.SOLUTION, null, workspace.solutions(), null, null));
        }
        list.add(starterSubmission(exercise));
        for (WrongAnswer wrong : exercise.wrongAnswers()) {
            ScratchDir dir = ScratchDir.create("threadlings-wrong");
            Path root = dir.resolve("exercises");
            for (String file : exercise.files()) {
                Path given = wrong.folder().resolve(file);
                Path target = root.resolve(file);
                Files.createDirectories(target.getParent());
                Files.copy(Files.isRegularFile(given) ? given : workspace.solutions().resolve(file), target);
            }
            list.add(new Submission(exercise, Submission.Kind.WRONG, wrong, root, dir, null));
        }
        return list;
    }

    private Submission starterSubmission(Exercise exercise) throws IOException {
        ScratchDir dir = ScratchDir.create("threadlings-starters");
        Path root = dir.resolve("exercises");
        for (String file : exercise.files()) {
            try {
                Path target = root.resolve(file);
                Files.createDirectories(target.getParent());
                Files.write(target, starters.original(file));
            } catch (StarterStore.MissingOriginal e) {
                return new Submission(exercise, Submission.Kind.STARTER, null, root, dir, "starter: " + e.getMessage());
            }
        }
        return new Submission(exercise, Submission.Kind.STARTER, null, root, dir, null);
    }

    /**
     * Grades one submission in a session taken from {@code sessions} and given back, with the
     * machine to itself if {@code machine} says its checks measure a speed-up, else beside others.
     */
    private Verdict gradeInASession(Submission s, BlockingQueue<GradingSession> sessions, WholeMachine machine)
            throws InterruptedException {
        GradingSession session = sessions.take();
        try {
            return machine.grade(s, () -> grade(s, session));
        } finally {
            sessions.add(session);
        }
    }

    /** "271 gradings in 80 grading JVMs": how many JVMs validation has started so far, for how much work. */
    public String jvmsUsed() {
        return Words.plural(gradings.get(), "grading", "gradings") + " in " + Words.plural(jvms.get(), "grading JVM",
                "grading JVMs");
    }

    /**
     * Each submission with the checks that answer its question: a starter until its first failing
     * check, a solution with all, a known-wrong answer with its own check only (and the checks it
     * builds on), since the other checks would be most of the time spent.
     */
    private Verdict grade(Submission s, GradingSession session) {
        if (s.missing() != null) {
            return null;
        }
        return withEveryCheckIfUncaught(s, session.grade(s.exercise(), s.folder(), selection(s)),
                checks -> session.grade(s.exercise(), s.folder(), checks));
    }

    /**
     * A wrong answer that its own check did not catch is graded again with every check, by
     * {@code grading}, to say which one does catch it, if any; any other verdict stands.
     */
    private static Verdict withEveryCheckIfUncaught(Submission s, Verdict verdict,
                                                    Function<CheckSelection, Verdict> grading) {
        return s.kind() == Submission.Kind.WRONG && !s.asExpected(verdict) ? grading.apply(CheckSelection.all()) : verdict;
    }

    /**
     * The checks that answer a submission's question. That a starter fails is the question, not
     * how many checks it fails: its checks mostly wait for work that never comes, and only the
     * first failure has to. A solution needs all of them to pass.
     */
    private static CheckSelection selection(Submission s) {
        return switch (s.kind()) {
            case STARTER -> CheckSelection.untilFirstFailure();
            case SOLUTION -> CheckSelection.all();
            case WRONG -> CheckSelection.only(s.wrong().caughtBy());
        };
    }

    /** Grades alone, in a fresh grading JVM, as a student's code is. */
    private Verdict gradeAlone(Submission s, CheckSelection checks) {
        if (s.missing() != null) {
            return null;
        }
        jvms.incrementAndGet();
        gradings.incrementAndGet();
        return grader.grade(s.exercise(), s.folder(), GradingListener.NONE, new Cancellation(), checks);
    }

    private static boolean inconclusive(Verdict verdict) {
        return verdict != null && verdict.status() == ExerciseStatus.INCONCLUSIVE;
    }

    private static <T> T await(Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("validation was interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("grading failed: " + e.getCause(), e.getCause());
        }
    }

    private ExerciseReport report(Exercise exercise, List<Submission> submissions, Map<Submission, Verdict> verdicts,
                                  List<String> notes) throws IOException {
        List<String> problems = new ArrayList<>();
        Verdict starter = null;
        Verdict solution = null;
        List<WrongAnswerVerdict> wrong = new ArrayList<>();
        for (Submission s : submissions) {
            Verdict verdict = verdicts.get(s);
            switch (s.kind()) {
                case STARTER -> {
                    starter = verdict;
                    if (s.missing() != null) {
                        problems.add(s.missing());
                    } else {
                        starterProblems(verdict).ifPresent(problems::add);
                    }
                }
                case SOLUTION -> {
                    solution = verdict;
                    if (!verdict.passed()) {
                        problems.add("solution does not pass: " + describe(verdict));
                    }
                }
                case WRONG -> {
                    WrongAnswerVerdict judged = WrongAnswerVerdict.judge(s.wrong(), verdict);
                    wrong.add(judged);
                    if (!judged.ok()) {
                        problems.add("wrong answer '" + s.wrong().name() + "' (" + s.wrong().mistake() + "): "
                                + wrongProblem(judged));
                    }
                }
            }
        }
        return new ExerciseReport(exercise, starter, solution, PendingSolution.files(exercise, workspace.solutions()),
                wrong, problems, notes, null);
    }

    private static String wrongProblem(WrongAnswerVerdict judged) {
        return switch (judged.caught()) {
            case PASSED -> "it PASSES every check: the checks cannot tell this mistake from a solution";
            case OTHER_CHECK -> judged.detail() + ": the student would read another mistake's message";
            case INCONCLUSIVE -> "no verdict, so it is not caught: " + judged.detail();
            case BROKEN -> "it could not be graded (" + judged.detail() + "): a wrong answer must compile and run";
            case INTENDED -> "";
        };
    }

    static Optional<String> starterProblems(Verdict starter) {
        return switch (starter.outcome()) {
            case COMPILE_ERROR -> Optional.of("starter does not compile: " + describe(starter));
            case CHECKS_DO_NOT_COMPILE -> Optional.of("the checks do not compile against the starter: "
                    + describe(starter));
            case MISSING_FILE, CRASHED -> Optional.of("starter could not be graded: " + describe(starter));
            default -> starter.status() == ExerciseStatus.PASS
                    ? Optional.of("starter passes every check: the checks cannot tell it from a solution")
                    : starter.status() == ExerciseStatus.INCONCLUSIVE
                    ? Optional.of("starter is inconclusive, not failing: " + describe(starter))
                    : Optional.empty();
        };
    }

    static String describe(Verdict verdict) {
        if (!verdict.compileErrors().isEmpty()) {
            return verdict.compileErrors().get(0).file().getFileName() + ":" + verdict.compileErrors().get(0).line() + ": "
                    + verdict.compileErrors().get(0).message().lines().findFirst().orElse("");
        }
        if (verdict.outcome() != Outcome.COMPLETED) {
            return verdict.outcome().label() + ": " + verdict.message().lines().findFirst().orElse("");
        }
        return verdict.checks().stream()
                .filter(c -> c.status() == CheckStatus.FAIL || c.status() == CheckStatus.ERROR)
                .map(c -> "'" + c.name() + "': " + c.message().lines().findFirst().orElse(""))
                .findFirst()
                .or(() -> verdict.checks().stream().filter(c -> c.status() == CheckStatus.INCONCLUSIVE)
                        .map(c -> "'" + c.name() + "' inconclusive: " + c.message().lines().findFirst().orElse(""))
                        .findFirst())
                .orElse(verdict.status().label());
    }
}
