package org.threadlings.watch;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs an action for a key once nothing new happened to that key for a while: an editor writes
 * several events per save (temporary file, rename, attributes), and they make one report.
 * Actions run one at a time on a single daemon thread.
 */
final class Debouncer implements AutoCloseable {

    private final ScheduledThreadPoolExecutor scheduler;
    private final Map<String, ScheduledFuture<?>> pending = new HashMap<>();

    Debouncer(String threadName) {
        scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
    }

    /** Runs {@code action} after {@code quiet}, replacing whatever was pending for {@code key}. */
    synchronized void schedule(String key, Duration quiet, Runnable action) {
        if (scheduler.isShutdown()) {
            return;
        }
        CompletableFuture<ScheduledFuture<?>> self = new CompletableFuture<>();
        ScheduledFuture<?> next = scheduler.schedule(() -> {
            synchronized (this) {
                pending.remove(key, self.join()); // a newer one for the key stays pending
            }
            action.run();
        }, quiet.toNanos(), TimeUnit.NANOSECONDS);
        self.complete(next);
        ScheduledFuture<?> previous = pending.put(key, next);
        if (previous != null) {
            previous.cancel(false);
        }
    }

    /** Drops pending actions and waits briefly for a running one to finish. */
    @Override
    public void close() {
        synchronized (this) {
            pending.clear();
            scheduler.shutdownNow();
        }
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
