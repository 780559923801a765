package org.threadlings.grading.child;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Ends the grading JVM when the runner that started it is gone, however the runner ended
 * (SIGKILL included). The runner keeps this JVM's standard input open while the run lasts, so the
 * end of input means it has gone.
 *
 * <p>Student code may interrupt every thread it finds: the blocking read of a pipe ignores
 * interrupts, and should the read fail, the watch falls back to polling the parent process and
 * goes on through interrupts. Once the parent is gone it kills what the run started and halts.
 *
 * <p>A runner that grades several submissions in one JVM sends the next job on the same input;
 * the watch passes each line it reads on to {@link #nextJob()}. A student's grading never gets a
 * second job: its runner sends one and then nothing.
 */
final class ParentWatch implements Runnable {

    static final int EXIT_PARENT_GONE = 73;
    private static final long POLL_MILLIS = 200;

    private final InputStream input;
    private final Optional<ProcessHandle> parent;
    private final Leftovers leftovers;
    /** Lines read after the first job; only the main thread, which made this watch, can take them. */
    private final BlockingQueue<String> jobs = new LinkedBlockingQueue<>();

    ParentWatch(InputStream input, Leftovers leftovers) {
        this.input = input;
        this.parent = ProcessHandle.current().parent();
        this.leftovers = leftovers;
    }

    /** Waits for the next job line; the JVM halts instead if the runner ends its input. */
    String nextJob() throws InterruptedException {
        return jobs.take();
    }

    /**
     * Starts watching. The thread runs this object as its task, which student code cannot reach:
     * were it a field of a Thread subclass, reflection could close or read the runner's pipe.
     */
    void start() {
        Thread thread = new Thread(this, "threadlings-parent-watch");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
    }

    @Override
    public void run() {
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            int n;
            while ((n = input.read(buffer)) >= 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        jobs.add(line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    } else {
                        line.write(buffer[i]);
                    }
                }
            }
        } catch (IOException e) {
            waitForParentToEnd();
        }
        leftovers.killProcesses();
        Runtime.getRuntime().halt(EXIT_PARENT_GONE);
    }

    private void waitForParentToEnd() {
        while (parent.map(ProcessHandle::isAlive).orElse(false)) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                // not ours to give up on: keep watching
            }
        }
    }
}
