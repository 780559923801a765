package org.threadlings.cli;

import org.threadlings.loading.CourseFormatException;
import picocli.CommandLine;

/** Builds the picocli command tree that the shell script, the interactive shell and tests all use. */
public final class Cli {

    private Cli() {
    }

    /**
     * The command tree on {@code root}, with {@code moreCommands} added by the front end that runs
     * it (the shell command for {@code ./run.sh}, shell-only commands inside the shell).
     */
    public static CommandLine commandLine(ThreadlingsCommand root, Object... moreCommands) {
        Console console = root.console();
        CommandLine line = new CommandLine(root, new CommandFactory(root));
        for (Object command : moreCommands) {
            line.addSubcommand(command);
        }
        line.setOut(console.out());
        line.setErr(console.err());
        line.setUsageHelpLongOptionsMaxWidth(28);
        line.setExecutionExceptionHandler((exception, commandLine, parseResult) -> handle(exception, console));
        return line;
    }

    private static int handle(Exception exception, Console console) {
        if (exception instanceof UserError) {
            console.error(exception.getMessage());
            return ExitCodes.USAGE;
        }
        if (exception instanceof CourseFormatException format) {
            format.problems().forEach(p -> console.error(p.toString()));
            console.error(format.problems().size() == 1 ? "1 problem in the course files."
                    : format.problems().size() + " problems in the course files.");
            return ExitCodes.USAGE;
        }
        console.error("threadlings: internal error: " + exception);
        exception.printStackTrace(console.err());
        console.error("This is a bug in Threadlings, not in your code. Please report it with the lines above.");
        return ExitCodes.USAGE;
    }
}
