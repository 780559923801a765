package org.threadlings.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Starts every sandboxed process from one thread that lives as long as this JVM. Linux sends a
 * child its parent-death signal when the <em>thread</em> that started it ends, not the process:
 * a grading JVM started from a pool thread that later retires would be killed with that thread.
 */
final class Spawner {

    private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "threadlings-spawner");
        thread.setDaemon(true);
        return thread;
    });

    private Spawner() {
    }

    /**
     * Starts {@code builder}'s process on the spawner thread. Waits for it even when interrupted
     * (the interrupt is kept): a process started for a caller who stopped waiting would belong
     * to nobody.
     */
    static Process start(ProcessBuilder builder) throws IOException {
        Future<Process> started = THREAD.submit(builder::start);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return started.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    if (e.getCause() instanceof UncheckedIOException io) {
                        throw io.getCause();
                    }
                    throw new IllegalStateException("cannot start " + builder.command().get(0), e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
