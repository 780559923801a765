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
        // The shell is added here, not in the cli package: it runs that package's commands itself.
        int code = Cli.commandLine(new ThreadlingsCommand(Console.system()), new ShellCommand()).execute(args);
        System.exit(code);
    }
}
