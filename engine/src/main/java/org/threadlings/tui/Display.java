package org.threadlings.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The terminal and the screen on it. One terminal is wrapped in one screen (two terminals on one
 * tty fight over it). For an external editor the display is suspended: the terminal is closed,
 * which restores the user's terminal settings, and a fresh one is opened afterwards.
 */
final class Display implements AutoCloseable {

    /** Makes a terminal: the real one, or a virtual one in tests. */
    interface TerminalSource {
        Terminal open() throws IOException;
    }

    private final TerminalSource source;
    private Terminal terminal;
    private TerminalScreen screen;

    private Display(TerminalSource source) {
        this.source = source;
    }

    static Display open(TerminalSource source) throws IOException {
        Display display = new Display(source);
        display.start();
        return display;
    }

    private void start() throws IOException {
        terminal = source.open();
        screen = new TerminalScreen(terminal);
        screen.startScreen();
        screen.setCursorPosition(null);
    }

    Screen screen() {
        return screen;
    }

    TextGraphics graphics() {
        return screen.newTextGraphics();
    }

    TerminalSize size() {
        return screen.getTerminalSize();
    }

    /** A key if one is waiting, else null; never blocks. */
    KeyStroke poll() {
        try {
            return screen.pollInput();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the terminal changed size since the last call; the screen follows it. */
    boolean resized() {
        return screen.doResizeIfNecessary() != null;
    }

    void refresh(boolean complete) {
        try {
            screen.refresh(complete ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Gives the terminal back, as it was before the UI started, until {@link #resume()}. */
    void suspend() throws IOException {
        screen.stopScreen();
        terminal.close();
    }

    void resume() throws IOException {
        start();
    }

    @Override
    public void close() {
        try {
            screen.stopScreen();
        } catch (IOException | RuntimeException e) {
            // still try to close the terminal, which restores its settings
        }
        try {
            terminal.close();
        } catch (IOException | RuntimeException e) {
            // nothing more can be done for the terminal
        }
    }
}
