package org.threadlings.shell;

import java.util.concurrent.Callable;
import org.threadlings.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code shell} typed in the shell: there is no second one to start. */
@Command(name = "shell", hidden = true)
final class NestedShellCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println("This is the shell already: type a command (help lists them), or exit to leave.");
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
