package org.threadlings.shell;

import java.util.concurrent.Callable;
import org.threadlings.cli.ExitCodes;
import picocli.CommandLine.Command;

/** {@code exit} or {@code quit}: leave the shell. */
@Command(name = "exit", aliases = "quit", description = "Leave the shell (Ctrl-D does too).")
final class ExitCommand implements Callable<Integer> {

    private final Runnable leave;

    ExitCommand(Runnable leave) {
        this.leave = leave;
    }

    @Override
    public Integer call() {
        leave.run();
        return ExitCodes.OK;
    }
}
