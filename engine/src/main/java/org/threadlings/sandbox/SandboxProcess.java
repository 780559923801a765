package org.threadlings.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.threadlings.verdict.CapturedOutput;

/**
 * A child JVM running untrusted code: its output drained and capped, and a way to end it together
 * with every process it started, however those left its process tree. It carries a
 * {@link SandboxMark} that every process it starts inherits, and it is killed with them all when
 * this JVM ends (see {@link LiveSandboxes}).
 */
public final class SandboxProcess implements AutoCloseable {

    private final Process process;
    private final ProcessTree tree;
    private final OutputCapture output;
    /** One grading at a time sends to a process, but not always from the same thread. */
    private volatile int linesSent;

    SandboxProcess(List<String> command, long floodLimit, Consumer<byte[]> live, Runnable onFlood) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA_TOOL_OPTIONS"); // options meant for the runner would print a notice
        SandboxMark mark = SandboxMark.next();
        builder.environment().put(SandboxMark.VARIABLE, mark.value());
        process = builder.start();
        tree = new ProcessTree(process.toHandle(), Optional.of(mark));
        LiveSandboxes.add(this);
        output = new OutputCapture(process.getInputStream(), floodLimit, live, onFlood);
        output.start();
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Writes one line to the child's standard input, and keeps it open: a grading JVM takes the
     * end of its input for the end of its parent, and ends itself.
     */
    public void send(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
        linesSent++;
    }

    /** How many lines {@link #send} has written: for a grading JVM, the jobs it was given. */
    public int linesSent() {
        return linesSent;
    }

    /** Closes standard input without sending anything: a child waiting for a job exits. */
    public void closeInput() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /**
     * Whether the child still runs. The process object alone lags: it learns of an exit only when
     * its reaper thread has collected it, so a child killed a moment ago still looked alive.
     * The operating system's view is asked too, and a zombie (exited, not yet collected) is dead.
     */
    public boolean isAlive() {
        return process.isAlive() && process.toHandle().isAlive() && !ProcFs.isZombie(process.pid());
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
     * Kills the child, every process below it, and every process that carries its mark (those
     * that left the tree). Descendants are collected before the child dies, since afterwards they
     * would belong to nobody and could no longer be found by the tree.
     *
     * @return the command lines of the processes killed besides the child
     */
    public List<String> killTree() {
        List<String> killed = tree.killAll();
        closeInput();
        LiveSandboxes.remove(this);
        awaitEnd(Duration.ofSeconds(5));
        return killed;
    }

    /**
     * Waits for the killed child to be gone, even on an interrupted thread (a pool shutting down
     * interrupts the task that kills its JVMs): a JVM killed while it boots takes a moment to
     * exit, and a caller that was told it is ended must not find it still running.
     */
    private void awaitEnd(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        boolean interrupted = false;
        while (true) {
            try {
                process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    public CapturedOutput output() {
        return output.result(0);
    }

    /** Once the child has ended: its output from byte {@code from} on (where an earlier job's ended). */
    public CapturedOutput output(long from) {
        return output.result(from);
    }

    /** How many bytes of output have come so far. */
    public long outputBytes() {
        return output.total();
    }

    /** The output from byte {@code from} on, at once: for a JVM that goes on running. */
    public CapturedOutput outputSince(long from) {
        return output.since(from);
    }

    /** Whether the output that comes from now on can still be told apart from what came before. */
    public boolean outputSeparable() {
        return output.total() <= OutputCapture.HEAD_BYTES;
    }

    /** Kills what is left: a child that exited by itself may have left processes behind. */
    @Override
    public void close() {
        killTree();
    }
}
