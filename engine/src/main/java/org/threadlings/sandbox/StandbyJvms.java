package org.threadlings.sandbox;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Keeps one JVM started ahead of need, so that the next job does not wait for a JVM to boot.
 * Each JVM takes one job and is never reused. Only the options last asked for are kept ready,
 * and a JVM that has waited {@link #MAX_AGE} is replaced by a fresh one.
 *
 * <p>A waiting JVM is expected to exit when its standard input closes. Closing the pool closes
 * it, and kills it if it lingers; should the program end without closing the pool, the shutdown
 * hook that ends every sandboxed process ends waiting JVMs too (see {@link LiveSandboxes}).
 */
public final class StandbyJvms implements AutoCloseable {

    /** Past this a waiting JVM is replaced: its heap and compiled code have aged for nothing. */
    public static final Duration MAX_AGE = Duration.ofMinutes(3);
    /** How long a JVM whose input was closed may take to exit before it is killed. */
    static final Duration EXIT_GRACE = Duration.ofSeconds(1);

    /** A JVM being started or started, with the options it was started with. */
    private record Standby(List<String> options, Future<SandboxProcess> process) {

        /** The started JVM, or empty if starting it failed or was called off. */
        Optional<SandboxProcess> started() {
            try {
                return Optional.ofNullable(process.get());
            } catch (ExecutionException | CancellationException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    private final JvmLauncher launcher;
    private final String mainClass;
    private final Duration maxAge;
    /** One daemon thread starts JVMs and ends retired ones, off the caller's path. */
    private final ScheduledThreadPoolExecutor background;
    /** Every JVM started here and not yet handed out: what closing must end. */
    private final Set<SandboxProcess> owned = ConcurrentHashMap.newKeySet();
    private Standby waiting;
    private ScheduledFuture<?> renewal;
    private boolean closed;

    public StandbyJvms(JvmLauncher launcher, String mainClass) {
        this(launcher, mainClass, MAX_AGE);
    }

    StandbyJvms(JvmLauncher launcher, String mainClass, Duration maxAge) {
        this.launcher = launcher;
        this.mainClass = mainClass;
        this.maxAge = maxAge;
        background = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "threadlings-standby");
            thread.setDaemon(true);
            return thread;
        });
        background.setRemoveOnCancelPolicy(true);
    }

    /**
     * A started JVM for one job: the waiting one if it has these options and is alive, else one
     * started now. Nothing is left waiting after this; {@link #prepare} starts the next.
     */
    public SandboxProcess take(List<String> options) throws IOException {
        Standby candidate;
        synchronized (this) {
            candidate = waiting; // none once closed: the caller gets a JVM of its own
            waiting = null;
            cancelRenewal();
        }
        if (candidate != null) {
            Optional<SandboxProcess> started = candidate.started();
            if (started.isPresent() && candidate.options().equals(options) && started.get().isAlive()) {
                owned.remove(started.get());
                return started.get();
            }
            started.ifPresent(this::retire);
        }
        return launcher.start(mainClass, options, List.of(), null, null);
    }

    /**
     * Starts a JVM with {@code options} in the background for the next {@link #take}, unless
     * one with these options already waits. A waiting JVM with other options is retired.
     */
    public synchronized void prepare(List<String> options) {
        if (closed || waiting != null && waiting.options().equals(options) && !hasEnded(waiting)) {
            return;
        }
        replaceWaiting(List.copyOf(options));
    }

    /** The process id of the JVM waiting for a job, if one is started. */
    public synchronized Optional<Long> waitingPid() {
        return waiting != null && waiting.process().isDone()
                ? waiting.started().map(SandboxProcess::pid) : Optional.empty();
    }

    /** Closes the input of waiting JVMs, and kills those still alive after a short grace. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            waiting = null;
            cancelRenewal();
        }
        // Starts not yet begun are called off, so that nobody waits for them.
        background.shutdownNow().forEach(task -> ((Future<?>) task).cancel(false));
        try {
            background.awaitTermination(10, TimeUnit.SECONDS); // a start under way registers its JVM
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        owned.forEach(SandboxProcess::closeInput);
        long deadline = System.nanoTime() + EXIT_GRACE.toNanos();
        for (SandboxProcess process : owned) {
            try {
                process.waitFor(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.close();
        }
        owned.clear();
    }

    private SandboxProcess startOwned(List<String> options) throws IOException {
        synchronized (this) {
            if (closed) {
                return null;
            }
        }
        SandboxProcess process = launcher.start(mainClass, options, List.of(), null, null);
        synchronized (this) {
            if (!closed) {
                owned.add(process);
                return process;
            }
        }
        process.close();
        return null;
    }

    private synchronized void renew(Standby aged) {
        if (waiting == aged && !closed) {
            replaceWaiting(aged.options());
        }
    }

    /** Starts a JVM to wait with {@code options}; the one waiting before, if any, is retired. */
    private void replaceWaiting(List<String> options) {
        Standby previous = waiting;
        Standby next = new Standby(options, background.submit(() -> startOwned(options)));
        waiting = next;
        cancelRenewal();
        renewal = background.schedule(() -> renew(next), maxAge.toNanos(), TimeUnit.NANOSECONDS);
        if (previous != null) { // after the start above: the new JVM does not wait for the old one's end
            background.execute(() -> previous.started().ifPresent(this::retire));
        }
    }

    /** Closes a JVM's input so that it exits by itself, and kills it if it has not after a grace. */
    private void retire(SandboxProcess process) {
        process.closeInput();
        if (!process.isAlive()) {
            owned.remove(process);
            return;
        }
        try {
            background.schedule(() -> {
                process.close();
                owned.remove(process);
            }, EXIT_GRACE.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // closing: close() ends every owned JVM
        }
    }

    private static boolean hasEnded(Standby standby) {
        return standby.process().isDone() && standby.started().map(p -> !p.isAlive()).orElse(true);
    }

    private void cancelRenewal() {
        if (renewal != null) {
            renewal.cancel(false);
            renewal = null;
        }
    }
}
