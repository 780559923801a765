package org.threadlings.cli;

import org.threadlings.session.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.threadlings.course.Course;
import org.threadlings.course.Exercise;
import org.threadlings.grading.Cancellation;
import org.threadlings.grading.GradingListener;
import org.threadlings.grading.protocol.CheckSelection;
import org.threadlings.grading.protocol.ChildEvent.PlannedCheck;
import org.threadlings.loading.CourseFormatException;
import org.threadlings.progress.Position;
import org.threadlings.progress.Progress;
import org.threadlings.report.HumanReport;
import org.threadlings.report.JsonReport;
import org.threadlings.report.JunitXmlReport;
import org.threadlings.verdict.CheckResult;
import org.threadlings.verdict.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code check [EXERCISE…]}: compile and grade exercises, report, and record progress. */
@Command(name = "check", description = {
        "Grade exercises: compile your code and run the hidden checks against it.",
        "Without an exercise id, grades the exercise you are on (see: list)."})
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    ThreadlingsCommand root;

    @Parameters(paramLabel = "EXERCISE", arity = "0..*", completionCandidates = ExerciseIds.class,
            description = "Exercise ids, such as counter-atomic.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--all", description = "Grade every exercise of the course.")
    boolean all;

    @Option(names = "--exercises", paramLabel = "DIR",
            description = "Grade the files under DIR instead of exercises/ (same layout); progress is not recorded.")
    Path exercisesDir;

    @Option(names = "--json", description = "Print one JSON object instead of the report.")
    boolean json;

    @Option(names = "--junit-xml", paramLabel = "DIR", description = "Also write JUnit XML reports into DIR.")
    Path junitXmlDir;

    // For authors working on one check, and for the verdict bench: a partial grading proves
    // nothing about the exercise, so it is never recorded as progress.
    @Option(names = "--only", paramLabel = "CHECK", split = ",",
            description = "Run only these checks (method names, as in caught-by) and the earlier checks they build on (@BuildsOn); progress is not recorded.")
    List<String> only = new ArrayList<>();

    @Override
    public Integer call() throws CourseFormatException {
        Session session = root.session();
        Console console = root.console();
        Course course = session.course();
        Path studentDir = exercisesDir == null ? session.workspace().exercises() : exercisesDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(studentDir)) {
            throw new UserError("No folder " + studentDir + " to grade.");
        }
        boolean recordProgress = studentDir.equals(session.workspace().exercises()) && only.isEmpty();
        List<Exercise> targets = targets(course, session);
        HumanReport report = new HumanReport(console.symbols(), console.width(), session.workspace()::shown);

        List<JsonReport.Entry> results = new ArrayList<>();
        for (Exercise exercise : targets) {
            if (!json) {
                console.println(report.heading(exercise));
            }
            Verdict verdict = session.grader().grade(exercise, studentDir, json ? GradingListener.NONE
                    : new LiveStatus(console), new Cancellation(), new CheckSelection(only, false));
            console.clearStatus();
            results.add(new JsonReport.Entry(exercise, verdict));
            if (!json) {
                console.print(report.verdict(verdict, studentDir, exercise));
                console.println("");
            }
            if (recordProgress && verdict.judgedTheCode()) {
                record(session, course, exercise, verdict);
            }
        }
        if (json) {
            console.println(new JsonReport(session.workspace()::shown).render(results));
        } else if (results.size() > 1) {
            console.println(report.total(results.stream().map(JsonReport.Entry::verdict).toList()));
        }
        if (junitXmlDir != null) {
            JunitXmlReport.write(results, junitXmlDir.toAbsolutePath());
        }
        if (!json && recordProgress && targets.size() == 1 && results.get(0).verdict().passed()) {
            suggestNext(session, console, course, targets.get(0));
        }
        return results.stream().allMatch(r -> r.verdict().passed()) ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private List<Exercise> targets(Course course, Session session) {
        if (all) {
            if (!ids.isEmpty()) {
                throw new UserError("Give exercise ids or --all, not both.");
            }
            return course.exercises().toList();
        }
        if (!ids.isEmpty()) {
            return Lookup.exercises(course, ids);
        }
        return Position.current(course, session.progress().load()).map(List::of).orElseThrow(() ->
                new UserError("Every exercise is done. Name one to check it again, or use --all."));
    }

    private static void record(Session session, Course course, Exercise exercise, Verdict verdict) {
        session.progress().update(p ->
                Position.afterGrading(course, p, exercise, verdict.passed(), verdict.status().label(), Instant.now()));
    }

    private static void suggestNext(Session session, Console console, Course course, Exercise passed) {
        Progress progress = session.progress().load();
        Position.nextAfter(course, progress, passed).ifPresentOrElse(
                next -> console.println("Next: " + next.id() + " (" + next.title() + "), in "
                        + String.join(", ", next.files().stream().map(f -> "exercises/" + f).toList())
                        + ". Grade it with ./run.sh check " + next.id()),
                () -> console.println("That was the last one: every exercise is done. Well played."));
    }

    /** "running 2 of 3: exact under randomised contention…" while the checks run. */
    private static final class LiveStatus implements GradingListener {
        private final Console console;
        private final AtomicInteger done = new AtomicInteger();
        private volatile List<PlannedCheck> planned = List.of();

        LiveStatus(Console console) {
            this.console = console;
        }

        @Override
        public void phase(Phase phase) {
            console.transientStatus(phase == Phase.COMPILING ? "  compiling…" : "  starting the checks…");
        }

        @Override
        public void planned(List<PlannedCheck> checks) {
            planned = checks;
        }

        @Override
        public void checkStarted(String checkId) {
            String name = planned.stream().filter(p -> p.id().equals(checkId)).map(PlannedCheck::name)
                    .findFirst().orElse("");
            console.transientStatus("  running " + (done.get() + 1) + " of " + planned.size() + ": " + name + "…");
        }

        @Override
        public void checkFinished(CheckResult result) {
            done.incrementAndGet();
        }
    }
}
