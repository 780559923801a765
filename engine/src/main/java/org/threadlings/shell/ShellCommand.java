package org.threadlings.shell;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.threadlings.cli.ExitCodes;
import org.threadlings.cli.ThreadlingsCommand;
import org.threadlings.session.Session;
import org.threadlings.tui.CourseUi;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code shell}: the interactive shell, on this process's terminal. */
@Command(name = "shell", description = {
        "An interactive shell: every command, with Tab completion and history, in one warm session.",
        "Type help in it for the commands; exit or Ctrl-D leaves."})
public final class ShellCommand implements Callable<Integer> {

    @ParentCommand
    ThreadlingsCommand root;

    @Override
    public Integer call() throws IOException {
        if (!CourseUi.interactive()) {
            root.console().error("The shell needs a terminal. From a script, run the commands themselves: "
                    + "./run.sh list, ./run.sh check (./run.sh --help shows them all).");
            return ExitCodes.USAGE;
        }
        // An interactive session: its grader keeps a grading JVM ready between commands.
        try (Session session = Session.interactive(root.session().workspace());
             Terminal terminal = SystemTerminal.open()) {
            return new Shell(terminal, session, System.getenv()).run();
        }
    }
}
