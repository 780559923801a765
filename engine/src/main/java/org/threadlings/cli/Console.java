package org.threadlings.cli;

import java.io.PrintWriter;
import org.jline.utils.AttributedString;
import org.threadlings.report.Symbols;

/**
 * Where commands write, and how: colour only on a terminal that wants it (not when piped, not
 * with NO_COLOR, not on a dumb terminal), wrapped to the terminal's width.
 */
public record Console(PrintWriter out, PrintWriter err, boolean ansi, boolean interactive, int width, Symbols symbols) {

    /** Standard output and error of this process; run.sh says whether they are a terminal. */
    public static Console system() {
        boolean tty = Boolean.parseBoolean(System.getProperty("threadlings.tty", "false"));
        boolean colour = tty && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
        int width = Integer.getInteger("threadlings.columns", envInt("COLUMNS", 100));
        return new Console(new PrintWriter(System.out, true), new PrintWriter(System.err, true), colour, tty,
                usableWidth(width), Symbols.forStdout());
    }

    /** One writer for both, as in the interactive shell, where both go to its terminal. */
    public static Console forTerminal(PrintWriter writer, boolean colour, int columns, Symbols symbols) {
        return new Console(writer, writer, colour, true, usableWidth(columns), symbols);
    }

    /** The width text is wrapped to on a terminal {@code columns} wide (0 when it does not say). */
    public static int usableWidth(int columns) {
        return Math.min(Math.max(columns > 0 ? columns : 100, 40), 120);
    }

    public void print(AttributedString text) {
        out.print(ansi ? text.toAnsi() : text.toString());
        out.flush();
    }

    public void println(AttributedString text) {
        print(text);
        out.println();
    }

    public void println(String text) {
        out.println(text);
    }

    public void error(String text) {
        err.println(text);
    }

    /** A status line that the next one replaces; only on an interactive terminal. */
    public void transientStatus(String text) {
        if (ansi && interactive) {
            String clipped = text.length() >= width ? text.substring(0, width - 1) : text;
            out.print("\r\033[2K" + clipped);
            out.flush();
        }
    }

    public void clearStatus() {
        if (ansi && interactive) {
            out.print("\r\033[2K");
            out.flush();
        }
    }

    private static int envInt(String name, int fallback) {
        try {
            return Integer.parseInt(System.getenv().getOrDefault(name, ""));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
