package org.threadlings.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.threadlings.verdict.CapturedOutput;

/**
 * A child JVM running untrusted code: its output drained and capped, and a way to end it together
 * with every process it started.
 */
public final class SandboxProcess implements AutoCloseable {

    private final Process process;
    private final OutputCapture output;

    SandboxProcess(List<String> command, long floodLimit, Consumer<byte[]> live, Runnable onFlood) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA_TOOL_OPTIONS"); // options meant for the runner would print a notice
        process = builder.start();
        output = new OutputCapture(process.getInputStream(), floodLimit, live, onFlood);
        output.start();
    }

    public long pid() {
        return process.pid();
    }

    /** Writes one line to the child's standard input and closes it. */
    public void send(String line) throws IOException {
        try (OutputStream in = process.getOutputStream()) {
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Closes standard input without sending anything: a child waiting for a job exits. */
    public void closeInput() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits up to {@code timeout}; true if the child has exited. */
    public boolean waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int exitCode() {
        return process.exitValue();
    }

    public boolean flooded() {
        return output.flooded();
    }

    /**
     * Kills the child and every process below it. Descendants are collected before the child
     * dies, since afterwards they would belong to nobody and could no longer be found.
     */
    public void killTree() {
        for (int round = 0; round < 3; round++) {
            List<ProcessHandle> descendants = process.descendants().toList();
            descendants.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            if (descendants.isEmpty()) {
                break;
            }
        }
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public CapturedOutput output() {
        return output.result();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            killTree();
        }
    }
}
