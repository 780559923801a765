package org.threadlings;

import org.threadlings.cli.Cli;
import org.threadlings.cli.Console;
import org.threadlings.cli.ThreadlingsCommand;
import org.threadlings.shell.ShellCommand;

/** Entry point of {@code ./run.sh}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Console console = Console.system();
        // No command opens the course: straight there, without building the command tree first,
        // which would cost a tenth of a second before the first frame. The shell is added here,
        // not in the cli package: it runs that package's commands itself.
        int code = args.length == 0 ? ThreadlingsCommand.openCourse(console)
                : Cli.commandLine(new ThreadlingsCommand(console), new ShellCommand()).execute(args);
        System.exit(code);
    }
}
