package org.threadlings.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.threadlings.compile.CompileResult;
import org.threadlings.compile.SourceCompiler;
import org.threadlings.course.Course;
import org.threadlings.course.Example;
import org.threadlings.course.Exercise;
import org.threadlings.grading.Cancellation;
import org.threadlings.grading.Grader;
import org.threadlings.grading.GradingListener;
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
 * all of them (so it can be done), and every example compiles against the solutions. Starters
 * are graded from their originals, whatever the student has done to exercises/.
 */
public final class CourseValidator {

    /** What validating one exercise found. */
    public record ExerciseReport(Exercise exercise, Verdict starter, Verdict solution, List<String> problems) {
        public boolean consistent() {
            return problems.isEmpty();
        }
    }

    /** An example and the compile errors it has against the solutions (none: it compiles). */
    public record ExampleReport(Example example, List<String> problems) {
    }

    private final Workspace workspace;
    private final Grader grader;
    private final SourceCompiler compiler;
    private final StarterStore starters;

    public CourseValidator(Workspace workspace, Grader grader, SourceCompiler compiler, StarterStore starters) {
        this.workspace = workspace;
        this.grader = grader;
        this.compiler = compiler;
        this.starters = starters;
    }

    public ExerciseReport validate(Exercise exercise) throws IOException {
        List<String> problems = new ArrayList<>();
        Verdict starter = null;
        try (ScratchDir originals = ScratchDir.create("threadlings-starters")) {
            Path starterDir = originals.resolve("exercises");
            boolean complete = true;
            for (String file : exercise.files()) {
                try {
                    Path target = starterDir.resolve(file);
                    Files.createDirectories(target.getParent());
                    Files.write(target, starters.original(file));
                } catch (StarterStore.MissingOriginal e) {
                    problems.add("starter: " + e.getMessage());
                    complete = false;
                }
            }
            if (complete) {
                starter = grader.grade(exercise, starterDir, GradingListener.NONE, new Cancellation());
                starterProblems(starter).ifPresent(problems::add);
            }
        }
        Verdict solution = grader.grade(exercise, workspace.solutions(), GradingListener.NONE, new Cancellation());
        if (!solution.passed()) {
            problems.add("solution does not pass: " + describe(solution));
        }
        return new ExerciseReport(exercise, starter, solution, problems);
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

    public List<ExerciseReport> validateAll(Course course, Consumer<ExerciseReport> each) throws IOException {
        List<ExerciseReport> reports = new ArrayList<>();
        for (Exercise exercise : course.exercises().toList()) {
            ExerciseReport report = validate(exercise);
            each.accept(report);
            reports.add(report);
        }
        return reports;
    }

    private static Optional<String> starterProblems(Verdict starter) {
        return switch (starter.outcome()) {
            case COMPILE_ERROR -> Optional.of("starter does not compile: " + describe(starter));
            case CHECKS_DO_NOT_COMPILE -> Optional.of("the checks do not compile against the starter: "
                    + describe(starter));
            case MISSING_FILE, CRASHED -> Optional.of("starter could not be graded: " + describe(starter));
            default -> starter.status() == ExerciseStatus.PASS
                    ? Optional.of("starter passes every check: the checks cannot tell it from a solution")
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
                .findFirst().orElse(verdict.status().label());
    }
}
