package org.threadlings.shell;

import org.threadlings.cli.ExitCodes;
import picocli.CommandLine;

/**
 * Runs the command of a line. A line of root options alone would open the full-screen view in
 * {@code ./run.sh}; here that is the {@code ui} command, so it is pointed out instead.
 */
final class CommandRequired implements CommandLine.IExecutionStrategy {

    private final CommandLine.IExecutionStrategy standard = new CommandLine.RunLast();

    @Override
    public int execute(CommandLine.ParseResult line) {
        if (line.hasSubcommand() || line.isUsageHelpRequested() || line.isVersionHelpRequested()) {
            return standard.execute(line);
        }
        line.commandSpec().commandLine().getErr().println("Type a command: help lists them (ui opens the course view).");
        return ExitCodes.USAGE;
    }
}
