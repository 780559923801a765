package org.threadlings.cli;

import org.threadlings.session.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.threadlings.checks.Words;
import org.threadlings.course.Course;
import org.threadlings.course.Example;
import org.threadlings.course.Exercise;
import org.threadlings.course.Lesson;
import org.threadlings.grading.protocol.CheckSelection;
import org.threadlings.loading.CourseFormatException;
import org.threadlings.validation.CourseValidator;
import org.threadlings.validation.PendingSolution;
import org.threadlings.validation.SlowestGradings;
import org.threadlings.validation.ValidationRecord;
import org.threadlings.validation.ValidationTable;
import org.threadlings.tui.WideCode;
import org.threadlings.workspace.CheckLock;
import org.threadlings.verdict.CheckResult;
import org.threadlings.verdict.CheckStatus;
import org.threadlings.verdict.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code validate}: for instructors, proves the course consistent. */
// One string, which picocli wraps to the terminal; lines of our own would break again mid-sentence.
@Command(name = "validate", description = "For lesson authors: check the lesson files, then prove every original "
        + "starter compiles and fails its checks, every solution passes them, every known-wrong answer is caught by "
        + "the check meant for it, and every example compiles.")
final class ValidateCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /** The terminal width lessons are written for: code must fit the lesson reader at this width. */
    private static final int STUDENT_COLUMNS = 80;

    @ParentCommand
    ThreadlingsCommand root;

    @Option(names = {"--update-lock", "--update-starters"},
            description = {"First record the current files in exercises/ as the original starters, and the current "
                    + "hidden checks as the ones grading may use (lessons/starters.lock)."})
    boolean updateLock;

    // Twice the processors: a grading spends about half its time waiting (for requests held until
    // they meet, for a deadline a wrong answer runs out, for a worker JVM), and with one grading per
    // processor a whole-course validation kept 1.1 of 2 cores busy. Gradings that time a speed-up
    // still run alone (WholeMachine), and whatever comes out unexpected is graded again alone.
    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Gradings run at once (default: twice the number of processors).")
    int jobs = 2 * Runtime.getRuntime().availableProcessors();

    @Option(names = "--fresh",
            description = "Grade every exercise, even those unchanged since they were last found consistent.")
    boolean fresh;

    @Option(names = "--slowest", paramLabel = "N",
            description = "After the summary, list the N gradings that took longest (default: ${DEFAULT-VALUE}; 0: none).")
    int slowest = 5;

    @Parameters(paramLabel = "LESSON|EXERCISE", arity = "0..*",
            description = "Validate only these lessons or exercises (default: the whole course).")
    List<String> only = new ArrayList<>();

    @Override
    public Integer call() throws CourseFormatException, IOException {
        Session session = root.session();
        Console console = root.console();
        Course course = session.course();
        List<Exercise> exercises = selected(course);
        if (updateLock) {
            session.starters().record(course.exercises().flatMap(e -> e.files().stream()).toList(),
                    course.exercises().flatMap(e -> e.checks().stream()).distinct().toList());
            console.println("Recorded the files in exercises/ as the original starters, and the hidden checks.");
        }
        console.println("Lesson files: OK (" + Words.plural(course.lessons().size(), "lesson", "lessons") + ", "
                + Words.plural(course.exercises().count(), "exercise", "exercises") + ", "
                + Words.plural(course.examples().count(), "example", "examples") + ").");
        long wideCode = 0;
        for (Lesson lesson : course.lessons()) {
            if (!only.isEmpty() && exercises.stream().noneMatch(e -> e.lessonId().equals(lesson.id()))) {
                continue;
            }
            for (WideCode.Line line : WideCode.in(course.lessonsDir().resolve(lesson.id()), STUDENT_COLUMNS)) {
                mark(console, false, session.workspace().root().toAbsolutePath().relativize(line.file().toAbsolutePath()) + ":" + line.number() + ":"
                        + (WideCode.room(STUDENT_COLUMNS) + 1) + ": this code line is " + line.width()
                        + " columns wide; at " + STUDENT_COLUMNS + " columns the lesson reader shows "
                        + WideCode.room(STUDENT_COLUMNS) + " and continues the rest on the next line. Shorten it.");
                wideCode++;
            }
        }
        long changedChecks = 0;
        CheckLock lock = new CheckLock(session.workspace());
        for (Path check : exercises.stream().flatMap(e -> e.checks().stream()).distinct().toList()) {
            Optional<String> refusal = lock.refusal(check, Files.readAllBytes(check));
            if (refusal.isPresent()) {
                mark(console, false, refusal.get());
                changedChecks++;
            }
        }
        CourseValidator validator = new CourseValidator(session.workspace(), session.grader(), session.compiler(),
                session.starters());
        ValidationRecord record = ValidationRecord.load(session.workspace().validationRecord());
        long start = System.nanoTime();
        List<CourseValidator.ExerciseReport> reports = validator.validateAll(exercises, jobs,
                fresh ? record.gradingEverything() : record, new CourseValidator.Listener() {
                    @Override
                    public void grading(List<Exercise> toGrade, int unchanged) {
                        header(console, toGrade, unchanged);
                    }

                    @Override
                    public void validated(CourseValidator.ExerciseReport report) {
                        print(console, report);
                    }

                    @Override
                    public void regrading(int count) {
                        console.println("Grading " + Words.plural(count, "submission", "submissions")
                                + " again, alone and each in a fresh JVM: their first results were not as expected…");
                    }
                });
        long broken = wideCode + changedChecks + reports.stream().filter(r -> !r.consistent()).count();
        for (Example example : course.examples().filter(e -> only.isEmpty() || only.contains(e.lessonId())
                || exercises.stream().anyMatch(x -> x.lessonId().equals(e.lessonId()))).toList()) {
            CourseValidator.ExampleReport report = validator.validate(example, course);
            mark(console, report.problems().isEmpty(), "example " + example.id() + " compiles");
            report.problems().forEach(p -> console.println("      " + p));
            broken += report.problems().isEmpty() ? 0 : 1;
        }
        List<CourseValidator.ExerciseReport> pending = reports.stream()
                .filter(CourseValidator.ExerciseReport::solutionPending).toList();
        console.println("");
        ValidationTable.render(ValidationTable.rows(reports), Duration.ofNanos(System.nanoTime() - start))
                .forEach(console::println);
        SlowestGradings.render(SlowestGradings.of(reports), slowest).forEach(console::println);
        console.println("Ran " + validator.jvmsUsed() + " (gradings follow one another in a JVM while they leave "
                + "nothing running).");
        long carried = reports.stream().filter(CourseValidator.ExerciseReport::carried).count();
        if (carried > 0) {
            console.println(Words.plural(carried, "exercise was", "exercises were") + " not graded again: nothing "
                    + "they depend on (files, checks, lesson entry, engine, JDK) changed since they were found "
                    + "consistent. validate --fresh grades every one.");
        }
        console.println("");
        if (broken == 0) {
            console.println(new AttributedStringBuilder().style(AttributedStyle.BOLD.foreground(AttributedStyle.GREEN))
                    .append(only.isEmpty() ? "The course is consistent." : "These lessons are consistent.")
                    .toAttributedString());
            if (!pending.isEmpty()) {
                console.println("Not finished: " + Words.plural(pending.size(), "reference solution is", "reference solutions are")
                        + " still to write (" + String.join(", ", pending.stream().map(r -> r.exercise().id()).toList())
                        + "). Write each, delete the line with " + PendingSolution.MARKER + ", and validate again.");
            }
            return ExitCodes.OK;
        }
        console.println(new AttributedStringBuilder().style(AttributedStyle.BOLD.foreground(AttributedStyle.RED))
                .append(broken + (broken == 1 ? " problem" : " problems") + " found.").toAttributedString());
        return ExitCodes.FAILED;
    }

    /** The exercises named on the command line, by lesson or exercise id; all when none is named. */
    private List<Exercise> selected(Course course) {
        if (only.isEmpty()) {
            return course.exercises().toList();
        }
        List<Exercise> chosen = new ArrayList<>();
        for (String id : only) {
            List<Exercise> matching = course.exercises()
                    .filter(e -> e.lessonId().equals(id) || e.id().equals(id)).toList();
            if (matching.isEmpty()) {
                throw new UserError("No lesson or exercise '" + id + "' in this course. Lessons: "
                        + String.join(", ", course.lessons().stream().map(l -> l.id()).toList()) + ".");
            }
            matching.stream().filter(e -> !chosen.contains(e)).forEach(chosen::add);
        }
        return chosen;
    }

    private void header(Console console, List<Exercise> toGrade, int unchanged) {
        long wrongCount = toGrade.stream().mapToLong(e -> e.wrongAnswers().size()).sum();
        console.println("Grading " + Words.plural(toGrade.size(), "exercise", "exercises")
                + (unchanged > 0 ? " (" + unchanged + " more unchanged since they were found consistent)" : "")
                + ": each original starter (it must fail), each solution (it must pass) and "
                + Words.plural(wrongCount, "known-wrong answer", "known-wrong answers") + " (each must be caught by its "
                + "check); " + Words.plural(Math.max(1, jobs), "grading", "gradings") + " at a time, each in a "
                + "grading JVM that the one before it left, while they leave nothing running…");
    }

    private static void print(Console console, CourseValidator.ExerciseReport report) {
        Exercise exercise = report.exercise();
        if (report.carried()) {
            mark(console, true, exercise.id() + ": unchanged since it was found consistent "
                    + WHEN.format(report.earlier().validated()) + " (" + report.wrongCaughtAsIntended() + " of "
                    + report.wrongTotal() + " wrong answers caught by their check)");
            return;
        }
        String summary = exercise.id() + ": starter " + failing(report.starter()) + ", solution "
                + (report.solutionPending() ? "STILL TO WRITE" : passing(report.solution()))
                + (report.wrong().isEmpty() ? "" : ", " + report.wrongCaughtAsIntended() + " of " + report.wrong().size()
                + " wrong answers caught by their check");
        if (report.consistent() && report.solutionPending()) {
            pending(console, summary);
            report.pendingSolution().forEach(f -> console.println("      pending: solutions/" + f + " still carries "
                    + PendingSolution.MARKER + "; write the reference solution there and delete that line"));
        } else {
            mark(console, report.consistent(), summary);
        }
        report.problems().forEach(p -> console.println("      " + p.lines().findFirst().orElse("")));
        report.notes().forEach(n -> console.println("      note: " + n));
    }
    private static String failing(Verdict starter) {
        if (starter == null) {
            return "missing";
        }
        List<CheckResult> checks = starter.checks();
        // Validation stops a starter at its first failing check; the checks after it are not run.
        for (int i = 0; i < checks.size(); i++) {
            CheckStatus status = checks.get(i).status();
            if (status == CheckStatus.FAIL || status == CheckStatus.ERROR) {
                boolean restNotRun = checks.stream().anyMatch(c -> c.message().equals(CheckSelection.NOT_RUN));
                return "fails '" + checks.get(i).method() + "' (check " + (i + 1) + " of " + checks.size()
                        + (restNotRun ? "; the rest not run)" : ")");
            }
        }
        return checks.isEmpty() ? starter.outcome().label() : starter.status().label();
    }

    private static String passing(Verdict solution) {
        return solution.checks().isEmpty() ? solution.outcome().label()
                : "passes " + solution.count(CheckStatus.PASS) + " of " + solution.checks().size()
                + (solution.count(CheckStatus.INCONCLUSIVE) > 0 ? " (" + solution.count(CheckStatus.INCONCLUSIVE)
                + " inconclusive)" : "");
    }

    /** Neither a pass nor a problem: work the author still has to do. */
    private static void pending(Console console, String text) {
        console.println(new AttributedStringBuilder().append("  ")
                .style(AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW)).append("…")
                .style(AttributedStyle.DEFAULT).append(" ").append(text).toAttributedString());
    }

    private static void mark(Console console, boolean ok, String text) {
        console.println(new AttributedStringBuilder().append("  ")
                .style(AttributedStyle.DEFAULT.foreground(ok ? AttributedStyle.GREEN : AttributedStyle.RED))
                .append(ok ? console.symbols().pass() : console.symbols().fail())
                .style(AttributedStyle.DEFAULT).append(" ").append(text).toAttributedString());
    }
}
