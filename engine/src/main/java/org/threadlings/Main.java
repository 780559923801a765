package org.threadlings;

import org.threadlings.cli.Cli;
import org.threadlings.cli.Console;
import org.threadlings.cli.ThreadlingsCommand;
import org.threadlings.sandbox.StaleRuns;
import org.threadlings.shell.ShellCommand;

/** Entry point of {@code ./run.sh}. */
public final class Main {

    private static final long SWEEP_WAIT_MILLIS = 3000;

    private Main() {
    }

    public static void main(String[] args) {
        // What a runner killed with SIGKILL left behind goes now, off the path to the first frame.
        Thread sweep = StaleRuns.sweepInBackground();
        Console console = Console.system();
        // No command opens the course: straight there, without building the command tree first,
        // which would cost a tenth of a second before the first frame. The shell is added here,
        // not in the cli package: it runs that package's commands itself.
        int code = args.length == 0 ? ThreadlingsCommand.openCourse(console)
                : Cli.commandLine(new ThreadlingsCommand(console), new ShellCommand()).execute(args);
        try {
            sweep.join(SWEEP_WAIT_MILLIS); // a short command would otherwise end it half-way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.exit(code);
    }
}
