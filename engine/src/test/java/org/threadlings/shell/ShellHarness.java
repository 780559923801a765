package org.threadlings.shell;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.jline.utils.AttributedString;
import org.threadlings.session.Session;

/** Runs the shell on a JLine terminal over pipes: keys are typed in, and what it prints is read. */
final class ShellHarness implements AutoCloseable {

    private static final long WAIT_MILLIS = 60_000;

    private final PipedOutputStream keys = new PipedOutputStream();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Terminal terminal;
    private final Thread loop;
    private final AtomicInteger exitCode = new AtomicInteger(-1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private int seen;

    /** On an xterm without colour, as most tests want it: completion works, and output is plain. */
    ShellHarness(Session session) throws IOException {
        this(session, "xterm", Map.of("NO_COLOR", "1"));
    }

    ShellHarness(Session session, String terminalType, Map<String, String> environment) throws IOException {
        this(session, terminalType, environment, 100);
    }

    ShellHarness(Session session, String terminalType, Map<String, String> environment, int columns)
            throws IOException {
        terminal = new ExternalTerminal("shell-under-test", terminalType, new PipedInputStream(keys), printed,
                StandardCharsets.UTF_8);
        terminal.setSize(new Size(columns, 30));
        Shell shell = new Shell(terminal, session, environment);
        loop = Thread.ofPlatform().name("shell-under-test").start(() -> {
            try {
                exitCode.set(shell.run());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
    }

    /** The terminal is now {@code columns} wide, as after the student resized the window. */
    ShellHarness resize(int columns) {
        terminal.setSize(new Size(columns, 30));
        return this;
    }

    /** Types {@code text} as keys ({@code \n} is Enter, {@code \t} is Tab). */
    ShellHarness type(String text) {
        try {
            keys.write(text.getBytes(StandardCharsets.UTF_8));
            keys.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * Waits until the shell has printed {@code text} since the last wait, and returns what it
     * printed up to there; fails with everything it printed if it never does.
     */
    String await(String text) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            String all = printed();
            int at = all.indexOf(text, seen);
            if (at >= 0) {
                String since = all.substring(seen, at + text.length());
                seen = at + text.length();
                return since;
            }
            if (failure.get() != null) {
                throw new AssertionError("the shell failed", failure.get());
            }
            if (System.currentTimeMillis() > deadline || !loop.isAlive() && printed().indexOf(text, seen) < 0) {
                fail("the shell never printed '" + text + "'; after what was seen it printed:\n" + all.substring(seen));
            }
            pause();
        }
    }

    /** Waits for the next prompt, "threadlings (exercise)> ", and returns what was printed before it. */
    String awaitPrompt() {
        return await(")> ");
    }

    /** Waits for the shell to end; returns its exit code. */
    int awaitExit() throws InterruptedException {
        loop.join(WAIT_MILLIS);
        if (loop.isAlive()) {
            fail("the shell did not end; it printed:\n" + printed());
        }
        if (failure.get() != null) {
            throw new AssertionError("the shell failed", failure.get());
        }
        return exitCode.get();
    }

    /** What the shell printed, without the terminal's control sequences. */
    String printed() {
        return AttributedString.stripAnsi(raw());
    }

    /** What the shell printed, control sequences and all. */
    String raw() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() throws Exception {
        if (loop.isAlive()) {
            keys.close();
            loop.join(5_000);
        }
        terminal.close();
    }
}
