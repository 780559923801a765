package org.threadlings.shell;

import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.threadlings.cli.UserError;
import org.threadlings.session.Session;
import org.threadlings.tui.CourseUi;
import picocli.CommandLine.Command;

/** {@code ui}: the full-screen course view on the shell's terminal, back to the shell on quit. */
@Command(name = "ui", description = "Open the course in the full-screen view; quitting it brings you back here.")
final class UiCommand implements Callable<Integer> {

    private final Terminal terminal;
    private final Session session;

    UiCommand(Terminal terminal, Session session) {
        this.terminal = terminal;
        this.session = session;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (!CourseUi.interactive()) {
            throw new UserError("The course view needs a terminal.");
        }
        terminal.flush();
        // The view reads the keys itself: JLine must not read ahead of it meanwhile.
        terminal.pause(true);
        try {
            return CourseUi.run(session, System.err);
        } finally {
            terminal.resume();
        }
    }
}
