package org.threadlings.cli;

import org.threadlings.session.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.threadlings.checks.Words;
import org.threadlings.course.Course;
import org.threadlings.course.Example;
import org.threadlings.course.Exercise;
import org.threadlings.loading.CourseFormatException;
import org.threadlings.validation.CourseValidator;
import org.threadlings.workspace.CheckLock;
import org.threadlings.verdict.CheckStatus;
import org.threadlings.verdict.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code validate}: for instructors, proves the course consistent. */
@Command(name = "validate", description = {
        "For lesson authors: check the lesson files, then prove every original starter compiles and fails",
        "its checks, every solution passes them, and every example compiles."})
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    ThreadlingsCommand root;

    @Option(names = {"--update-lock", "--update-starters"},
            description = {"First record the current files in exercises/ as the original starters, and the current "
                    + "hidden checks as the ones grading may use (lessons/starters.lock)."})
    boolean updateLock;

    @Override
    public Integer call() throws CourseFormatException, IOException {
        Session session = root.session();
        Console console = root.console();
        Course course = session.course();
        if (updateLock) {
            session.starters().record(course.exercises().flatMap(e -> e.files().stream()).toList(),
                    course.exercises().flatMap(e -> e.checks().stream()).distinct().toList());
            console.println("Recorded the files in exercises/ as the original starters, and the hidden checks.");
        }
        console.println("Lesson files: OK (" + Words.plural(course.lessons().size(), "lesson", "lessons") + ", "
                + Words.plural(course.exercises().count(), "exercise", "exercises") + ", "
                + Words.plural(course.examples().count(), "example", "examples") + ").");
        long changedChecks = 0;
        CheckLock lock = new CheckLock(session.workspace());
        for (Path check : course.exercises().flatMap(e -> e.checks().stream()).distinct().toList()) {
            Optional<String> refusal = lock.refusal(check, Files.readAllBytes(check));
            if (refusal.isPresent()) {
                mark(console, false, refusal.get());
                changedChecks++;
            }
        }
        console.println("Grading each original starter (it must fail) and each solution (it must pass)…");
        CourseValidator validator = new CourseValidator(session.workspace(), session.grader(), session.compiler(),
                session.starters());
        List<CourseValidator.ExerciseReport> reports = validator.validateAll(course, report -> print(console, report));
        long broken = changedChecks + reports.stream().filter(r -> !r.consistent()).count();
        for (Example example : course.examples().toList()) {
            CourseValidator.ExampleReport report = validator.validate(example, course);
            mark(console, report.problems().isEmpty(), "example " + example.id() + " compiles");
            report.problems().forEach(p -> console.println("      " + p));
            broken += report.problems().isEmpty() ? 0 : 1;
        }
        if (broken == 0) {
            console.println(new AttributedStringBuilder().style(AttributedStyle.BOLD.foreground(AttributedStyle.GREEN))
                    .append("The course is consistent.").toAttributedString());
            return ExitCodes.OK;
        }
        console.println(new AttributedStringBuilder().style(AttributedStyle.BOLD.foreground(AttributedStyle.RED))
                .append(broken + (broken == 1 ? " problem" : " problems") + " found.").toAttributedString());
        return ExitCodes.FAILED;
    }

    private static void print(Console console, CourseValidator.ExerciseReport report) {
        Exercise exercise = report.exercise();
        String summary = exercise.id() + ": starter " + failing(report.starter()) + ", solution " + passing(report.solution());
        mark(console, report.consistent(), summary);
        report.problems().forEach(p -> console.println("      " + p.lines().findFirst().orElse("")));
    }

    private static String failing(Verdict starter) {
        if (starter == null) {
            return "missing";
        }
        long failed = starter.checks().stream().filter(c -> c.status() != CheckStatus.PASS).count();
        return starter.checks().isEmpty() ? starter.outcome().label()
                : "fails " + failed + " of " + starter.checks().size() + " checks";
    }

    private static String passing(Verdict solution) {
        return solution.checks().isEmpty() ? solution.outcome().label()
                : "passes " + solution.count(CheckStatus.PASS) + " of " + solution.checks().size()
                + (solution.count(CheckStatus.INCONCLUSIVE) > 0 ? " (" + solution.count(CheckStatus.INCONCLUSIVE)
                + " inconclusive)" : "");
    }

    private static void mark(Console console, boolean ok, String text) {
        console.println(new AttributedStringBuilder().append("  ")
                .style(AttributedStyle.DEFAULT.foreground(ok ? AttributedStyle.GREEN : AttributedStyle.RED))
                .append(ok ? console.symbols().pass() : console.symbols().fail())
                .style(AttributedStyle.DEFAULT).append(" ").append(text).toAttributedString());
    }
}
