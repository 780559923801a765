package org.threadlings.shell;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.threadlings.cli.ExitCodes;
import org.threadlings.cli.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code help [COMMAND]}: the commands of the shell, or one command's usage. */
@Command(name = "help", description = "List the commands, or show one command's options: help COMMAND.")
final class HelpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..1")
    String command;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        PrintWriter out = root.getOut();
        if (command != null) {
            CommandLine named = root.getSubcommands().get(command);
            if (named == null) {
                throw new UserError("There is no command '" + command + "'. help lists them.");
            }
            named.usage(out, root.getColorScheme());
            return ExitCodes.OK;
        }
        out.println("Commands:");
        out.print(new CommandLine.Help(root.getCommandSpec(), root.getColorScheme()).commandList());
        out.println();
        out.println("help COMMAND (or COMMAND --help) shows its options. Tab completes commands, options and ids;");
        out.println("the arrow keys and Ctrl-R go through earlier lines.");
        out.flush();
        return ExitCodes.OK;
    }
}
