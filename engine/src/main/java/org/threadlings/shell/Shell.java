package org.threadlings.shell;

import java.util.Map;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.threadlings.cli.Cli;
import org.threadlings.cli.Console;
import org.threadlings.cli.ExitCodes;
import org.threadlings.cli.ThreadlingsCommand;
import org.threadlings.session.Session;
import picocli.CommandLine;
import picocli.shell.jline3.PicocliJLineCompleter;

/**
 * The interactive shell: reads a line and runs it through the same command tree as {@code ./run.sh}
 * (one tree on one session, so the compiler stays warm and the course is read once), until
 * {@code exit}, {@code quit} or Ctrl-D.
 */
public final class Shell {

    /** Lines kept, in memory and in the history file. */
    static final int HISTORY_SIZE = 1000;

    private final Terminal terminal;
    private final Session session;
    private final Map<String, String> environment;
    private final LineReader reader;
    private Console console;
    private CommandLine commands;
    private Prompt prompt;
    private boolean leaving;

    public Shell(Terminal terminal, Session session, Map<String, String> environment) {
        this.terminal = terminal;
        this.session = session;
        this.environment = environment;
        fitToTerminal();
        reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("threadlings")
                // from the tree of the moment: it is built again when the terminal's width changes
                .completer((lineReader, line, candidates) ->
                        new PicocliJLineCompleter(commands.getCommandSpec()).complete(lineReader, line, candidates))
                .variable(LineReader.HISTORY_FILE, session.workspace().state().resolve("shell-history"))
                .variable(LineReader.HISTORY_SIZE, HISTORY_SIZE)
                .variable(LineReader.HISTORY_FILE_SIZE, HISTORY_SIZE)
                // "!" has no history meaning here; it stays what was typed
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        // Ctrl-C while a command runs reaches what it started (the same process group) and ends
        // that; the shell stays. While a line is typed, the reader turns Ctrl-C into an exception.
        terminal.handle(Terminal.Signal.INT, signal -> { });
    }

    /** Runs commands until the student leaves; returns the shell's exit code. */
    public int run() {
        console.println("Threadlings shell: help lists the commands, Tab completes, exit or Ctrl-D leaves.");
        while (!leaving) {
            try {
                reader.readLine(prompt.text());
            } catch (UserInterruptException e) {
                continue; // Ctrl-C drops the line being typed
            } catch (EndOfFileException e) {
                console.println("");
                break;
            }
            String[] words = reader.getParsedLine().words().stream().filter(w -> !w.isBlank()).toArray(String[]::new);
            if (words.length > 0) {
                execute(words);
            }
        }
        return ExitCodes.OK;
    }

    private void execute(String[] words) {
        if (console.width() != Console.usableWidth(terminal.getColumns())) {
            fitToTerminal();
        }
        int code = commands.execute(words);
        if (code != ExitCodes.OK) {
            console.println(new AttributedString("exit code " + code, AttributedStyle.DEFAULT.faint()));
        }
    }

    /** The command tree for the terminal as it is now: built again only when its width changes. */
    private void fitToTerminal() {
        console = TerminalConsole.of(terminal, environment);
        commands = Cli.commandLine(new ThreadlingsCommand(session, console), new HelpCommand(),
                new UiCommand(terminal, session), new ExitCommand(() -> leaving = true), new NestedShellCommand());
        commands.setColorScheme(CommandLine.Help.defaultColorScheme(
                console.ansi() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        commands.setUsageHelpWidth(Math.max(console.width(), 55));
        commands.setParameterExceptionHandler(new MistypedLine());
        commands.setExecutionStrategy(new CommandRequired());
        prompt = new Prompt(session, console.ansi());
    }
}
