package org.threadlings.shell;

import java.io.PrintWriter;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp;
import org.threadlings.cli.Console;
import org.threadlings.report.Symbols;

/** The commands' console on the shell's terminal: its writer, its width, colour where it has colours. */
final class TerminalConsole {

    private TerminalConsole() {
    }

    static Console of(Terminal terminal, Map<String, String> environment) {
        Integer colours = terminal.getNumericCapability(InfoCmp.Capability.max_colors);
        boolean colour = environment.get("NO_COLOR") == null && colours != null && colours >= 8;
        return Console.forTerminal(new PrintWriter(terminal.writer(), true), colour, terminal.getColumns(),
                Symbols.forCharset(terminal.encoding()));
    }
}
