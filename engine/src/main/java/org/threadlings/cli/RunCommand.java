package org.threadlings.cli;

import org.threadlings.session.Session;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.threadlings.verdict.CompileDiagnostic;
import org.threadlings.course.Course;
import org.threadlings.course.Example;
import org.threadlings.examples.ExampleRunner;
import org.threadlings.loading.CourseFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code run EXAMPLE}: a lesson's example program, output streamed live. */
@Command(name = "run", description = {"Run one of the lessons' example programs (list --examples shows them).",
        "Its output appears as it is printed; Ctrl-C stops it."})
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    ThreadlingsCommand root;

    @Parameters(paramLabel = "EXAMPLE", completionCandidates = ExampleIds.class)
    String id;

    @Option(names = "--exercises", paramLabel = "DIR",
            description = "For examples that use your exercises: take the files from DIR instead of exercises/.")
    Path exercisesDir;

    @Override
    public Integer call() throws CourseFormatException, IOException {
        Session session = root.session();
        Console console = root.console();
        Course course = session.course();
        Example example = Lookup.example(course, id);
        Path studentDir = exercisesDir == null ? session.workspace().exercises() : exercisesDir.toAbsolutePath();
        console.println("Running " + example.id() + ": " + example.title());
        console.println("");
        PrintStream out = System.out;
        AtomicBoolean stop = new AtomicBoolean();
        Thread stopOnExit = new Thread(() -> stop.set(true), "threadlings-stop-example");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        ExampleRunner.Result result = session.examples().run(example, course, studentDir, bytes -> {
            out.write(bytes, 0, bytes.length);
            out.flush();
        }, stop);
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
        if (!result.compiled()) {
            console.error("The example does not compile:");
            for (CompileDiagnostic d : result.compileErrors()) {
                console.error("  " + (d.file() == null ? "" : session.workspace().shown(d.file()) + ":" + d.line() + ": ")
                        + d.message());
            }
            console.error(example.usesExercises().isEmpty() ? "" : "It uses your files for "
                    + String.join(", ", example.usesExercises()) + ": fix those first.");
            return ExitCodes.FAILED;
        }
        console.println("");
        if (result.timedOut()) {
            console.error("Stopped after the example's time limit of " + example.timeLimit().toSeconds() + " s.");
            return ExitCodes.FAILED;
        }
        if (result.stopped()) {
            console.error(result.output().totalBytes() > org.threadlings.sandbox.JvmLauncher.DEFAULT_FLOOD_LIMIT
                    ? "Stopped: the example printed more than 8 MB." : "Stopped.");
            return ExitCodes.FAILED;
        }
        console.println("(finished in " + String.format(java.util.Locale.ROOT, "%.1f", result.elapsed().toMillis() / 1000.0)
                + " s, exit status " + result.exitCode() + ")");
        return result.exitCode() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
