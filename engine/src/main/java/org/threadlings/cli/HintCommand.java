package org.threadlings.cli;

import org.threadlings.session.Session;
import java.util.concurrent.Callable;
import org.threadlings.course.Course;
import org.threadlings.course.Exercise;
import org.threadlings.loading.CourseFormatException;
import org.threadlings.progress.Position;
import org.threadlings.progress.Progress;
import org.threadlings.report.Wrap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code hint [EXERCISE]}: the next hint each time, then all of them again. */
@Command(name = "hint", description = {"Show the next hint for an exercise (one more each time you ask).",
        "Without an id, for the exercise you are on."})
final class HintCommand implements Callable<Integer> {

    @ParentCommand
    ThreadlingsCommand root;

    @Parameters(paramLabel = "EXERCISE", arity = "0..1", completionCandidates = ExerciseIds.class)
    String id;

    @Override
    public Integer call() throws CourseFormatException {
        Session session = root.session();
        Console console = root.console();
        Course course = session.course();
        Progress progress = session.progress().load();
        Exercise exercise = id != null ? Lookup.exercise(course, id)
                : Position.current(course, progress).orElseThrow(() -> new UserError("Every exercise is done: name one."));
        int total = exercise.hints().size();
        if (total == 0) {
            console.println(exercise.id() + " has no hints. Read its task again: ./run.sh list shows where its files are.");
            return ExitCodes.OK;
        }
        int shown = progress.exercise(exercise.id()).hintsShown();
        if (shown >= total) {
            console.println("All " + total + " hints for " + exercise.id() + ":");
            for (int i = 0; i < total; i++) {
                print(console, i, total, exercise.hints().get(i));
            }
            return ExitCodes.OK;
        }
        print(console, shown, total, exercise.hints().get(shown));
        session.progress().update(p -> p.hintShown(exercise.id(), shown + 1));
        if (shown + 1 < total) {
            console.println("(Ask again for the next hint.)");
        }
        return ExitCodes.OK;
    }

    private static void print(Console console, int index, int total, String hint) {
        console.println("Hint " + (index + 1) + " of " + total + ":");
        Wrap.lines(hint.strip(), console.width() - 2).forEach(line -> console.println("  " + line));
    }
}
