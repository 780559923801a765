package org.threadlings;

import org.threadlings.cli.Cli;
import org.threadlings.cli.Console;
import org.threadlings.cli.ThreadlingsCommand;

/** Entry point of {@code ./run.sh}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = Cli.commandLine(new ThreadlingsCommand(Console.system())).execute(args);
        System.exit(code);
    }
}
