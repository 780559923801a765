package org.threadlings.cli;

import org.threadlings.session.Session;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.threadlings.course.Exercise;
import org.threadlings.loading.CourseFormatException;
import org.threadlings.workspace.Reset;
import org.threadlings.workspace.StarterStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code reset EXERCISE}: the original starter back, the student's version backed up. */
@Command(name = "reset", description = {"Put an exercise's original starter files back.",
        "Your version is saved first, under .threadlings/backups/."})
final class ResetCommand implements Callable<Integer> {

    @ParentCommand
    ThreadlingsCommand root;

    @Parameters(paramLabel = "EXERCISE", completionCandidates = ExerciseIds.class)
    String id;

    @Override
    public Integer call() throws CourseFormatException, IOException {
        Session session = root.session();
        Console console = root.console();
        Exercise exercise = Lookup.exercise(session.course(), id);
        Reset.Result result;
        try {
            result = new Reset(session.workspace(), session.starters()).reset(exercise);
        } catch (StarterStore.MissingOriginal e) {
            throw new UserError("Cannot reset " + exercise.id() + ": " + e.getMessage());
        }
        session.progress().update(p -> p.reset(exercise.id()));
        if (result.restored().isEmpty()) {
            console.println(exercise.id() + " is already the original starter; nothing changed.");
            return ExitCodes.OK;
        }
        for (String file : result.restored()) {
            console.println("Restored exercises/" + file + " to the original starter.");
        }
        if (result.backupDir() != null) {
            console.println("Your version is saved in " + session.workspace().shown(result.backupDir()) + "/");
        }
        return ExitCodes.OK;
    }
}
