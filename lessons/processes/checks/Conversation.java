package processes.checks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The check's side of a talk with a worker JVM over its pipes, where every wait is bounded: a
 * daemon thread reads the worker's output into a queue, so a worker that never answers (an
 * answer left in its buffer) is reported after a timeout instead of hanging the check. Closing
 * kills the worker if it still runs and waits until it is gone.
 */
final class Conversation implements AutoCloseable {

    private static final String END = "\u0000end of output";

    private final Process process;
    private final OutputStream input;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    Conversation(Process process) {
        this.process = process;
        this.input = process.getOutputStream();
        Thread.ofPlatform().daemon().name("conversation-reader-" + process.pid()).start(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // The pipe broke: the worker is gone, which the end marker says.
            }
            lines.add(END);
        });
    }

    /** Starts {@code worker} in a JVM of its own, its errors going to this JVM's standard error. */
    static Conversation with(Class<?> worker, String... args) throws IOException {
        return new Conversation(Launch.of(worker, args).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    /** Writes each request as one line, all in one go, and flushes. */
    void send(List<String> requests) throws IOException {
        StringBuilder text = new StringBuilder();
        requests.forEach(r -> text.append(r).append('\n'));
        input.write(text.toString().getBytes(StandardCharsets.UTF_8));
        input.flush();
    }

    /**
     * The next line of output, waiting at most {@code patience}: empty if none came in time or
     * the output ended (then {@link #ended()} is true).
     */
    Optional<String> next(Duration patience) throws InterruptedException {
        String line = lines.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null || line.equals(END)) {
            if (line != null) {
                lines.add(END); // stays at the end for the next caller
            }
            return Optional.empty();
        }
        return Optional.of(line);
    }

    /** Whether the worker's output has ended, waiting a moment for the reader to see it. */
    boolean ended() throws InterruptedException {
        String head = lines.poll(100, TimeUnit.MILLISECONDS);
        if (head != null) {
            lines.add(head);
        }
        return END.equals(head);
    }

    void closeInput() throws IOException {
        input.close();
    }

    /** Waits up to {@code patience} for the worker to exit; its exit code, or empty if it still runs. */
    Optional<Integer> exit(Duration patience) throws InterruptedException {
        return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)
                ? Optional.of(process.exitValue()) : Optional.empty();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
    }
}
