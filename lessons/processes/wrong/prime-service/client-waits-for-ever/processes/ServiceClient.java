package processes;

// Wrong on purpose: finish() waits for the worker without a time limit, so a worker that never exits hangs it

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/*
 * Exercise prime-service, the parent side -- talk to a worker JVM over its pipes.
 *
 * start(worker) starts a worker JVM (given). The parent writes requests to the worker's standard
 * input, which is process.getOutputStream() here, and reads answers from its standard output,
 * process.getInputStream().
 *
 * What to do (ask() and finish() only):
 *  1. ask(request): write the request and a line break, flush, and return the one line the
 *     worker answers. If the worker's output has ended (readLine() gives null), throw an
 *     IOException: the worker is gone.
 *  2. finish(): close the worker's input, so that it sees the end and exits by itself; wait for
 *     it, but at most 5 seconds; if it is still running then, destroyForcibly() it and wait for
 *     it again. Return its exit code. When finish() returns, the worker has ended.
 *
 *   ./run.sh check prime-service     grade it (this file and PrimeService.java)
 */
public final class ServiceClient {

    /** How long finish() waits for the worker to exit by itself. */
    static final long PATIENCE_SECONDS = 5;

    private final Process process;
    private final BufferedWriter requests;
    private final BufferedReader answers;

    private ServiceClient(Process process) {
        this.process = process;
        this.requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Given: starts a JVM running {@code worker} (PrimeService, or a worker of the checks) from
     * the folder its class was loaded from; its errors go to this JVM's standard error.
     */
    public static ServiceClient start(Class<?> worker) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String folder;
        try {
            folder = Path.of(worker.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IOException("cannot tell where " + worker.getName() + " was loaded from", e);
        }
        Process process = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp", folder, worker.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        return new ServiceClient(process);
    }

    /** The worker's process id. */
    public long pid() {
        return process.pid();
    }

    /** Sends one request and returns the worker's answer to it. */
    public String ask(String request) throws IOException {
        requests.write(request);
        requests.newLine();
        requests.flush();
        String answer = answers.readLine();
        if (answer == null) {
            throw new IOException("the worker (pid " + process.pid() + ") ended without answering " + request);
        }
        return answer;
    }

    /** Ends the worker: closes its input, waits for it (killing it after the patience) and returns its exit code. */
    public int finish() throws IOException, InterruptedException {
        try {
            requests.close();
        } catch (IOException alreadyGone) {
            // The worker closed its end first (it crashed, say): it is waited for below all the same.
        }
        return process.waitFor();
    }
}
