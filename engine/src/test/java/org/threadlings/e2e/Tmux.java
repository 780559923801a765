package org.threadlings.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A tmux session with one pane, as a terminal to run the full-screen UI in and read back. */
final class Tmux implements AutoCloseable {

    private final String session;

    private Tmux(String session) {
        this.session = session;
    }

    static boolean available() {
        try {
            return new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Starts {@code shellCommand} in a new {@code columns}×{@code rows} pane. */
    static Tmux start(String shellCommand, int columns, int rows) throws IOException, InterruptedException {
        Tmux tmux = new Tmux("threadlings-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        tmux.run("new-session", "-d", "-s", tmux.session, "-x", String.valueOf(columns), "-y", String.valueOf(rows),
                "bash", "--norc", "--noprofile", "-c", shellCommand);
        return tmux;
    }

    void keys(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(List.of(keys));
        run(args.toArray(String[]::new));
    }

    /** Types text literally. */
    void type(String text) throws IOException, InterruptedException {
        run("send-keys", "-t", session, "-l", text);
    }

    String screen() throws IOException, InterruptedException {
        return run("capture-pane", "-p", "-t", session);
    }

    String await(String text, long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        String screen = screen();
        while (!screen.contains(text)) {
            if (System.currentTimeMillis() > deadline) {
                fail("the terminal never showed '" + text + "'; it shows:\n" + screen);
            }
            Thread.sleep(50);
            screen = screen();
        }
        return screen;
    }

    private String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("tmux");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
            if (!args[0].equals("kill-session")) {
                throw new IOException("tmux " + String.join(" ", args) + " failed: " + out);
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("kill-session", "-t", session);
    }
}
