package org.threadlings.tui;

import static org.junit.jupiter.api.Assertions.fail;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Runs the UI on a virtual terminal, presses keys, and reads the screen. */
final class UiHarness implements AutoCloseable {

    /** Generous: the machines these run on may be busy with several builds at once. */
    static final long TIMEOUT_MILLIS = 30_000;

    private final DefaultVirtualTerminal terminal;
    private final Thread loop;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    final ScriptedCoursework work;

    UiHarness(int columns, int rows) throws Exception {
        this(new ScriptedCoursework(), columns, rows);
    }

    UiHarness(ScriptedCoursework work, int columns, int rows) throws Exception {
        this.work = work;
        terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
        Display display = Display.open(() -> terminal);
        loop = Thread.ofPlatform().name("ui-under-test").start(() ->
                failure.set(CourseUi.runOn(display, work, StandardCharsets.UTF_8, Telemetry.fromSystemProperty())));
    }

    UiHarness press(char... keys) {
        for (char key : keys) {
            terminal.addInput(new KeyStroke(key, false, false));
        }
        return this;
    }

    UiHarness press(KeyType... keys) {
        for (KeyType key : keys) {
            terminal.addInput(new KeyStroke(key));
        }
        return this;
    }

    UiHarness resize(int columns, int rows) {
        terminal.setTerminalSize(new TerminalSize(columns, rows));
        return this;
    }

    /** Waits until the screen shows {@code text}; fails with the screen if it never does. */
    String await(String text) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        String screen = screen();
        while (!screen.contains(text)) {
            if (System.currentTimeMillis() > deadline) {
                fail("the screen never showed '" + text + "'; it shows:\n" + screen);
            }
            sleep();
            screen = screen();
        }
        return settled(screen);
    }

    /**
     * The screen once a frame is complete: a frame reaches the virtual terminal cell by cell, so
     * the text awaited can show before the rest of its frame does.
     */
    private String settled(String seen) {
        long deadline = System.currentTimeMillis() + 3_000;
        String now = seen;
        int quiet = 0;
        while (quiet < 5 && System.currentTimeMillis() < deadline) { // unchanged for 100 ms
            sleep();
            String next = screen();
            quiet = next.equals(now) ? quiet + 1 : 0;
            now = next;
        }
        return now;
    }

    /** Waits until row {@code row} (0-based) shows {@code text}. */
    String awaitRow(int row, String text) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        String screen = screen();
        while (screen.lines().count() <= row || !screen.lines().toList().get(row).contains(text)) {
            if (System.currentTimeMillis() > deadline) {
                fail("row " + row + " never showed '" + text + "'; the screen shows:\n" + screen);
            }
            sleep();
            screen = screen();
        }
        return settled(screen);
    }

    /** Waits until the screen no longer shows {@code text}. */
    String awaitGone(String text) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        String screen = screen();
        while (screen.contains(text)) {
            if (System.currentTimeMillis() > deadline) {
                fail("the screen still shows '" + text + "':\n" + screen);
            }
            sleep();
            screen = screen();
        }
        return settled(screen);
    }

    /** The screen as text, one line per row, trailing spaces removed. */
    String screen() {
        TerminalSize size = terminal.getTerminalSize();
        StringBuilder text = new StringBuilder();
        for (int row = 0; row < size.getRows(); row++) {
            StringBuilder line = new StringBuilder();
            for (int col = 0; col < size.getColumns(); col++) {
                var cell = terminal.getCharacter(col, row);
                line.append(cell == null ? " " : cell.getCharacterString());
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    /**
     * The text of the row drawn as selected (the cursor), between the title bar and the footer;
     * empty if none is.
     */
    String selectedRow() {
        String screen = settled(screen());
        List<String> rows = screen.lines().toList();
        for (int row = 1; row < rows.size() - 1; row++) {
            TextCharacter cell = terminal.getCharacter(0, row);
            if (cell != null && (cell.getBackgroundColor() == TextColor.ANSI.WHITE || cell.isReversed())) {
                return rows.get(row);
            }
        }
        return "";
    }

    /** The look of the first character of {@code text} on the screen. */
    TextCharacter cellOf(String text) {
        List<String> rows = screen().lines().toList();
        for (int row = 0; row < rows.size(); row++) {
            int col = rows.get(row).indexOf(text);
            if (col >= 0) {
                return terminal.getCharacter(col, row);
            }
        }
        fail("the screen does not show '" + text + "':\n" + screen());
        return null;
    }

    /** The row the UI shows {@code text} on. */
    String row(String text) {
        return screen().lines().filter(l -> l.contains(text)).findFirst().orElse("");
    }

    boolean running() {
        return loop.isAlive();
    }

    Throwable failure() {
        return failure.get();
    }

    void quit() throws InterruptedException {
        terminal.addInput(new KeyStroke('Q', false, false));
        loop.join(5000);
    }

    @Override
    public void close() throws InterruptedException {
        if (loop.isAlive()) {
            quit();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
