package org.threadlings.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.threadlings.scaffold.ExerciseKind;
import org.threadlings.scaffold.Scaffold;
import org.threadlings.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code new lesson|exercise}: for authors, the files of a new lesson or exercise, ready to validate. */
@Command(name = "new", description = {"For lesson authors: lay out a new lesson or exercise that validate accepts at once.",
        "See lessons/AUTHORING.md."},
        subcommands = {NewCommand.NewLesson.class, NewCommand.NewExercise.class})
final class NewCommand implements Callable<Integer> {

    @ParentCommand
    ThreadlingsCommand root;

    @Override
    public Integer call() {
        throw new UserError("Say what to create: './run.sh new lesson ID' or "
                + "'./run.sh new exercise LESSON ID [--kind stress|speedup|structure]'.");
    }

    /** The course folder, without loading the course: a lesson half written may not load yet. */
    private Workspace workspace() {
        return root.session().workspace();
    }

    private void report(Scaffold.Result result, List<String> next) {
        Console console = root.console();
        Workspace workspace = workspace();
        result.created().forEach(p -> console.println("  created " + workspace.shown(p)));
        result.changed().forEach(p -> console.println("  added to " + workspace.shown(p)));
        console.println("Next:");
        next.forEach(line -> console.println("  " + line));
    }

    @Command(name = "lesson", description = "A lesson folder with lesson.yaml and a first section, added to course.yaml.")
    static final class NewLesson implements Callable<Integer> {

        @ParentCommand
        NewCommand parent;

        @Parameters(paramLabel = "ID", description = "The lesson id, also its folder and Java package (like 'races').")
        String id;

        @Override
        public Integer call() throws IOException {
            try {
                Scaffold.Result result = new Scaffold(parent.workspace()).newLesson(id);
                parent.report(result, List.of("./run.sh new exercise " + id + " FIRST-EXERCISE-ID   a lesson needs "
                        + "at least one exercise", "then write the summary and the text (lessons/AUTHORING.md)"));
                return ExitCodes.OK;
            } catch (Scaffold.Refusal e) {
                throw new UserError("Cannot create lesson " + id + ": " + e.getMessage() + ".");
            }
        }
    }

    @Command(name = "exercise", description = {"An exercise in LESSON: YAML entry, starter, solution to write, check "
            + "and a known-wrong answer."})
    static final class NewExercise implements Callable<Integer> {

        @ParentCommand
        NewCommand parent;

        @Parameters(index = "0", paramLabel = "LESSON", description = "The lesson (its folder under lessons/).")
        String lesson;

        @Parameters(index = "1", paramLabel = "ID", description = "The exercise id (like 'counter-atomic').")
        String id;

        @Option(names = "--kind", paramLabel = "KIND", defaultValue = "stress",
                description = "stress (races, with evidence), speedup (parallel work, timed against a reference) or "
                        + "structure (a construct the code must use). Default: ${DEFAULT-VALUE}.")
        String kind;

        @Override
        public Integer call() throws IOException {
            ExerciseKind chosen;
            try {
                chosen = ExerciseKind.of(kind);
            } catch (IllegalArgumentException e) {
                throw new UserError("Cannot create exercise " + id + ": " + e.getMessage() + ".");
            }
            try {
                Scaffold.Result result = new Scaffold(parent.workspace()).newExercise(lesson, id, chosen);
                parent.report(result, List.of(
                        "./run.sh validate --update-lock " + lesson
                                + "   records the new starter and check in lessons/starters.lock, then validates",
                        "write the solution in solutions/, delete its " + "line with the pending marker, and add "
                                + "more wrong answers under " + Path.of("lessons", lesson, "wrong", id)));
                return ExitCodes.OK;
            } catch (Scaffold.Refusal e) {
                throw new UserError("Cannot create exercise " + id + ": " + e.getMessage() + ".");
            }
        }
    }
}
