package org.threadlings.grading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.threadlings.checks.Structure;
import org.threadlings.compile.CompileResult;
import org.threadlings.compile.SourceCompiler;
import org.threadlings.course.Exercise;
import org.threadlings.grading.VerdictAssembler.Ending;
import org.threadlings.grading.child.ChildMain;
import org.threadlings.grading.protocol.ChildEvent;
import org.threadlings.grading.protocol.CheckSelection;
import org.threadlings.grading.protocol.ChildJob;
import org.threadlings.grading.protocol.EventSeal;
import org.threadlings.grading.protocol.Protocol;
import org.threadlings.sandbox.JvmLauncher;
import org.threadlings.sandbox.SandboxProcess;
import org.threadlings.sandbox.StandbyJvms;
import org.threadlings.sandbox.ScratchDir;
import org.threadlings.verdict.CapturedOutput;
import org.threadlings.verdict.CompileDiagnostic;
import org.threadlings.verdict.ExerciseStatus;
import org.threadlings.verdict.Outcome;
import org.threadlings.verdict.Verdict;
import org.threadlings.workspace.CheckLock;

/**
 * Grades one exercise: compiles the student's files and the hidden checks in this JVM, runs the
 * checks in a fresh child JVM under a hard time limit, and turns what happened into a
 * {@link Verdict}. The child JVM is started first, so that it boots while compilation runs; a
 * grader {@link #withStandby with standby} starts it even before the grading is asked for.
 */
public final class Grader implements AutoCloseable {

    /** How long past the time limit the child may take to report before it is killed regardless. */
    static final Duration GRACE = Duration.ofSeconds(3);
    private static final Duration POLL = Duration.ofMillis(15);

    private final SourceCompiler compiler;
    private final JvmLauncher jvm;
    /** Null when each grading starts its own JVM, as a one-shot command should. */
    private final StandbyJvms standby;
    private final ObjectMapper json = Protocol.mapper();
    /** Null when checks are compiled as found (tests of the grader itself); else each is verified first. */
    private volatile CheckLock lock;

    /** A grader that starts a JVM for each grading when it begins: for commands that grade and exit. */
    public Grader(SourceCompiler compiler, JvmLauncher jvm) {
        this(compiler, jvm, null);
    }

    private Grader(SourceCompiler compiler, JvmLauncher jvm, StandbyJvms standby) {
        this.compiler = compiler;
        this.jvm = jvm;
        this.standby = standby;
        jvm.prepareCache(ChildMain.class.getName(), List.of("--train"));
    }

    /**
     * A grader that keeps the next grading's JVM started and waiting, so that a grading does not
     * wait for one to boot: for the shell and the full-screen UI, which grade again and again.
     * Close it when done, or its waiting JVM lives until this program ends.
     */
    public static Grader withStandby(SourceCompiler compiler, JvmLauncher jvm) {
        return new Grader(compiler, jvm, new StandbyJvms(jvm, ChildMain.class.getName()));
    }

    /**
     * Starts a JVM for {@code exercise} ahead of its first grading, with standby; else does
     * nothing. For when the student opens an exercise.
     */
    public void prepare(Exercise exercise) {
        if (standby != null) {
            standby.prepare(exercise.jvmOptions());
        }
    }

    /**
     * Grade only with checks whose content {@code lock} recorded: each check is read once,
     * verified, and compiled from a private copy, so that nothing can change it in between.
     */
    public Grader checkedAgainst(CheckLock lock) {
        this.lock = lock;
        return this;
    }

    /** Ends the waiting JVM, if any. */
    @Override
    public void close() {
        if (standby != null) {
            standby.close();
        }
    }

    /**
     * A session that grades submissions one after another, in one JVM where the runs allow it:
     * for validation. Close it when done.
     */
    public GradingSession session() {
        return new GradingSession(this);
    }

    /** Grades the files of {@code exercise} found under {@code studentDir} (exercises/ or a copy of it). */
    public Verdict grade(Exercise exercise, Path studentDir, GradingListener listener, Cancellation cancellation) {
        return grade(exercise, studentDir, listener, cancellation, CheckSelection.all(), null);
    }

    /**
     * Grades with only the checks {@code checks} selects: {@code check --only} runs the checks
     * named, and progress is not recorded.
     */
    public Verdict grade(Exercise exercise, Path studentDir, GradingListener listener, Cancellation cancellation,
                         CheckSelection checks) {
        return grade(exercise, studentDir, listener, cancellation, checks, null);
    }

    /**
     * Grades in the JVM that {@code session} keeps waiting, if any, and leaves the JVM to it when
     * the run allows another job. For validation, which grades many submissions of an exercise.
     */
    Verdict grade(GradingSession session, Exercise exercise, Path studentDir, CheckSelection checks) {
        return grade(exercise, studentDir, GradingListener.NONE, new Cancellation(), checks, session);
    }

    private Verdict grade(Exercise exercise, Path studentDir, GradingListener listener, Cancellation cancellation,
                          CheckSelection selection, GradingSession session) {
        long start = System.nanoTime();
        Path dir = studentDir.toAbsolutePath().normalize();
        List<Path> sources = exercise.files().stream().map(dir::resolve).toList();
        List<String> missing = exercise.files().stream().filter(f -> !Files.isRegularFile(dir.resolve(f))).toList();
        if (!missing.isEmpty()) {
            return early(exercise, start, ExerciseStatus.ERROR, Outcome.MISSING_FILE,
                    "Missing " + String.join(", ", missing) + " in " + studentDir
                            + ". Restore the starter with: reset " + exercise.id(), List.of());
        }
        try {
            return compileAndRun(exercise, dir, sources, listener, cancellation, start, selection, session);
        } finally {
            // The next JVM starts once this one is gone, not while its checks run: on a two-core
            // machine a booting JVM would take a core from checks that measure parallel work.
            // (A session keeps its own JVM; with standby this would start a second one.)
            if (session == null) {
                prepare(exercise);
            }
        }
    }

    private Verdict compileAndRun(Exercise exercise, Path dir, List<Path> sources, GradingListener listener,
                                  Cancellation cancellation, long start, CheckSelection selection,
                                  GradingSession session) {
        // Closed in reverse: the child is killed before its folder is deleted (unless a session
        // keeps it for the next job, which no longer needs this folder).
        try (ScratchDir work = ScratchDir.create("threadlings-grading");
             Lease keep = new Lease(session,
                     session != null ? session.take(exercise.jvmOptions(), () -> childJvm(exercise)) : childJvm(exercise))) {
            SandboxProcess child = keep.child();
            cancellation.onCancel(() -> child.killTree());
            listener.phase(GradingListener.Phase.COMPILING);
            // One compilation for the student's files and the checks: a second javac run costs
            // more than the checks add to the first. Errors are told apart by the file they are in.
            List<Path> checks = exercise.checks();
            if (lock != null) {
                Optional<List<Path>> verified = verifiedCopies(checks, work.resolve("checks"));
                if (verified.isEmpty()) {
                    child.closeInput();
                    return early(exercise, start, ExerciseStatus.ERROR, Outcome.CHECKS_CHANGED,
                            refusals(checks), List.of());
                }
                checks = verified.get();
            }
            List<Path> sourcesAndChecks = new ArrayList<>(sources);
            sourcesAndChecks.addAll(checks);
            CompileResult compiled = compiler.compile(sourcesAndChecks, jvm.classPath(), work.resolve("classes"), List.of());
            if (!compiled.succeeded()) {
                child.closeInput();
                List<CompileDiagnostic> inStudentFiles = compiled.errors().stream()
                        .filter(d -> d.file() != null && sources.contains(d.file())).toList();
                return inStudentFiles.isEmpty()
                        ? early(exercise, start, ExerciseStatus.ERROR, Outcome.CHECKS_DO_NOT_COMPILE,
                        "The hidden checks could not be compiled against your code. Usually a class, method or "
                                + "constructor that the starter declared was renamed, removed or given other "
                                + "parameters: keep the names and signatures from the starter.",
                        namedAsInTheCourse(compiled.errors(), checks, exercise.checks()))
                        : early(exercise, start, ExerciseStatus.ERROR, Outcome.COMPILE_ERROR,
                        "Your code does not compile.", inStudentFiles);
            }
            if (cancellation.isCancelled()) {
                return early(exercise, start, ExerciseStatus.ERROR, Outcome.CANCELLED, "Grading was cancelled.", List.of());
            }
            listStudentClasses(work.resolve("classes"), compiled.classesOf(sources));
            Path events = work.resolve("events.jsonl");
            String key = EventSeal.newKey();
            ChildJob job = new ChildJob(List.of(work.resolve("classes").toString()),
                    compiled.classesOf(checks), exercise.timeLimit().toMillis(), events.toString(),
                    packagesOf(compiled), key, selection, session != null);
            listener.phase(GradingListener.Phase.RUNNING_CHECKS);
            if (!child.isAlive()) {
                return didNotStart(exercise, child, start);
            }
            try {
                child.send(json.writeValueAsString(job));
            } catch (JsonProcessingException e) {
                throw e;
            } catch (IOException e) {
                return didNotStart(exercise, child, start); // it died between the check above and the job
            }
            return watch(exercise, child, new EventTail(events, EventSeal.withKey(key)), listener, cancellation, start,
                    keep);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the grading job", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the checks: " + e.getMessage(), e);
        }
    }

    /** Errors in a verified copy of a check, named by the check's place in the course. */
    private static List<CompileDiagnostic> namedAsInTheCourse(List<CompileDiagnostic> errors, List<Path> compiled,
                                                              List<Path> original) {
        return errors.stream().map(d -> {
            int at = d.file() == null ? -1 : compiled.indexOf(d.file());
            return at < 0 ? d : new CompileDiagnostic(original.get(at), d.line(), d.column(), d.message(), d.sourceLine());
        }).toList();
    }

    /** Copies of {@code checks}, each verified against the lock; empty if any is refused. */
    private Optional<List<Path>> verifiedCopies(List<Path> checks, Path into) throws IOException {
        List<Path> copies = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            byte[] content = Files.readAllBytes(checks.get(i));
            if (lock.refusal(checks.get(i), content).isPresent()) {
                return Optional.empty();
            }
            // One folder per check keeps its file name, which javac needs for a public class.
            Path copy = into.resolve(Integer.toString(i)).resolve(checks.get(i).getFileName().toString());
            Files.createDirectories(copy.getParent());
            Files.write(copy, content);
            copies.add(copy);
        }
        return Optional.of(copies);
    }

    private String refusals(List<Path> checks) throws IOException {
        List<String> why = new ArrayList<>();
        for (Path check : checks) {
            lock.refusal(check, Files.readAllBytes(check)).ifPresent(why::add);
        }
        return String.join("\n", why);
    }

    /** Tells {@link Structure} which classes came from the student's files, so its rules see all of them. */
    private static void listStudentClasses(Path classes, List<String> topLevel) throws IOException {
        Path list = classes.resolve(Structure.STUDENT_CLASSES);
        Files.createDirectories(list.getParent());
        Files.write(list, topLevel);
    }

    /**
     * The child JVM of one grading. Closing it kills the child, unless the run ended with the JVM
     * waiting for another job and a session wants it: then the session keeps it.
     */
    private static final class Lease implements AutoCloseable {
        private final GradingSession session;
        private final SandboxProcess child;
        private boolean waiting;

        Lease(GradingSession session, SandboxProcess child) {
            this.session = session;
            this.child = child;
        }

        SandboxProcess child() {
            return child;
        }

        /** Whether a session would keep the child for its next job. */
        boolean wanted() {
            return session != null;
        }

        /** The run ended, and the JVM reads the next job. */
        void waiting() {
            waiting = session != null;
        }

        @Override
        public void close() {
            if (waiting) {
                session.keep(child);
            } else {
                child.close();
            }
        }
    }

    private SandboxProcess childJvm(Exercise exercise) throws IOException {
        return standby != null ? standby.take(exercise.jvmOptions())
                : jvm.start(ChildMain.class.getName(), exercise.jvmOptions(), List.of(), null, null);
    }

    private Verdict watch(Exercise exercise, SandboxProcess child, EventTail tail, GradingListener listener,
                          Cancellation cancellation, long start, Lease keep) throws IOException {
        long hardDeadline = System.nanoTime() + exercise.timeLimit().plus(GRACE).toNanos();
        long outputFrom = child.outputBytes();
        List<ChildEvent> events = new ArrayList<>();
        Ending ending = Ending.EXITED;
        try {
            while (!child.waitFor(POLL)) {
                dispatch(tail.poll(), events, listener);
                if (done(events)) {
                    if (waitsForNext(events) && keep.wanted() && child.outputSeparable()) {
                        // The JVM ended this job cleanly and waits for the next: it is not killed.
                        keep.waiting();
                        return VerdictAssembler.assemble(exercise.id(), events, Ending.EXITED, 0,
                                exercise.timeLimit(), child.outputSince(outputFrom),
                                Duration.ofNanos(System.nanoTime() - start));
                    }
                    // Its work is reported and its output flushed: the JVM is killed rather than left to
                    // halt, which waits for a safepoint that a thread spinning in a loop can hold up
                    // for some 300 ms. (A JVM kept for the next job, but with too much output to tell
                    // that job's apart, ends here too.)
                    break;
                }
                if (cancellation.isCancelled()) {
                    ending = Ending.CANCELLED;
                    break;
                }
                if (child.flooded()) {
                    ending = Ending.FLOOD_KILLED;
                    break;
                }
                if (System.nanoTime() - hardDeadline > 0) {
                    ending = Ending.TIME_LIMIT_KILLED;
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ending = Ending.CANCELLED;
        }
        List<String> killed = child.killTree();
        dispatch(tail.poll(), events, listener);
        if (!killed.isEmpty() && events.stream().noneMatch(e -> e instanceof ChildEvent.Leftovers)) {
            // The grading JVM was killed before it could name what it left running: name it here.
            events.add(new ChildEvent.Leftovers(List.of(), killed));
        }
        int exitCode = child.isAlive() ? -1 : child.exitCode();
        CapturedOutput output = child.output(outputFrom);
        // A JVM given its first job may have said why it cannot run it before the job was sent
        // (-version prints at once): everything it printed counts. One that ran jobs before did start.
        if (events.isEmpty() && ending == Ending.EXITED && child.linesSent() == 1
                && JvmStartFailure.inOutput(child.output(0).text())) {
            return didNotStart(exercise, child, start);
        }
        if (child.flooded()) {
            ending = Ending.FLOOD_KILLED;
        }
        return VerdictAssembler.assemble(exercise.id(), events, ending, exitCode, exercise.timeLimit(), output,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * The grading JVM ended before it took the job: its options kept it from starting. The
     * student can do nothing about it, so the verdict says whose mistake it is, in the JVM's words.
     */
    private static Verdict didNotStart(Exercise exercise, SandboxProcess child, long start) {
        try {
            child.waitFor(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        child.killTree();
        CapturedOutput output = child.output();
        String said = output.text().lines().map(String::strip).filter(l -> !l.isEmpty()).limit(6)
                .reduce((a, b) -> a + " / " + b).orElse("nothing");
        String message = "The JVM that runs the checks did not start, so nothing was graded. It said: " + said
                + (child.isAlive() ? "" : " (exit status " + child.exitCode() + ")") + ". The exercise's jvm-options are "
                + (exercise.jvmOptions().isEmpty() ? "none" : String.join(" ", exercise.jvmOptions()))
                + ". This is a mistake in the course, not in your code: please report it. (Course authors: fix "
                + "jvm-options in lesson.yaml, then run ./run.sh validate.)";
        return new Verdict(exercise.id(), ExerciseStatus.ERROR, Outcome.JVM_DID_NOT_START, message, List.of(),
                List.of(), output, Duration.ofNanos(System.nanoTime() - start));
    }

    private static boolean done(List<ChildEvent> events) {
        return !events.isEmpty() && events.get(events.size() - 1) instanceof ChildEvent.Done;
    }

    private static boolean waitsForNext(List<ChildEvent> events) {
        return !events.isEmpty() && events.get(events.size() - 1) instanceof ChildEvent.Done done && done.waitsForNext();
    }

    private static void dispatch(List<ChildEvent> fresh, List<ChildEvent> all, GradingListener listener) {
        for (ChildEvent event : fresh) {
            all.add(event);
            switch (event) {
                case ChildEvent.Planned p -> listener.planned(p.checks());
                case ChildEvent.Started s -> listener.checkStarted(s.id());
                case ChildEvent.Finished f -> listener.checkFinished(f.result());
                default -> { }
            }
        }
    }

    private static Verdict early(Exercise exercise, long start, ExerciseStatus status, Outcome outcome, String message,
                                 List<CompileDiagnostic> errors) {
        return new Verdict(exercise.id(), status, outcome, message, List.of(), errors, CapturedOutput.NONE,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static List<String> packagesOf(CompileResult result) {
        Set<String> packages = new LinkedHashSet<>();
        result.classesBySource().values().stream().flatMap(List::stream)
                .filter(name -> name.contains("."))
                .map(name -> name.substring(0, name.lastIndexOf('.')))
                .forEach(packages::add);
        return List.copyOf(packages);
    }
}
