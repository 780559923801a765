package org.threadlings.shell;

import java.io.PrintWriter;
import java.util.List;
import org.threadlings.cli.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A line that does not parse: what is wrong and picocli's "did you mean", or where to look, rather
 * than the whole usage after every typo.
 */
final class MistypedLine implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException problem, String[] words) {
        CommandLine command = problem.getCommandLine();
        PrintWriter err = command.getErr();
        boolean atRoot = command.getCommandSpec().parent() == null;
        if (problem instanceof UnmatchedArgumentException unmatched && atRoot && !words[0].startsWith("-")) {
            err.println(command.getColorScheme().errorText("There is no command '" + words[0] + "'."));
            // picocli names them as from the root ("threadlings list"); here one types just "list"
            List<String> names = unmatched.getSuggestions().stream().map(s -> s.substring(s.lastIndexOf(' ') + 1)).toList();
            err.println(names.isEmpty() ? "help lists the commands." : "Did you mean: " + String.join(" or ", names) + "?");
            return ExitCodes.USAGE;
        }
        err.println(command.getColorScheme().errorText(problem.getMessage()));
        if (!UnmatchedArgumentException.printSuggestions(problem, err)) {
            err.println(atRoot ? "help lists the commands." : "help " + command.getCommandName() + " shows its options.");
        }
        return ExitCodes.USAGE;
    }
}
