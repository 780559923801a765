package coordination.examples;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A periodic task that takes 30 ms, every 50 ms: at a fixed rate the starts keep to the 50 ms
 * grid; with a fixed delay each start waits 50 ms after the last run ended, so runs drift 80 ms
 * apart. Then a periodic task that throws on its third run: it is never run again, silently,
 * and only its future says why.
 */
public class Timers {

    public static void main(String[] args) throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            System.out.println("A task of 30 ms, period or delay 50 ms; when each of 6 runs started (ms):");
            System.out.println("  scheduleAtFixedRate    " + starts(timer, true));
            System.out.println("  scheduleWithFixedDelay " + starts(timer, false));
            System.out.println();
            AtomicInteger runs = new AtomicInteger();
            ScheduledFuture<?> failing = timer.scheduleAtFixedRate(() -> {
                if (runs.incrementAndGet() == 3) {
                    throw new IllegalStateException("run 3 failed");
                }
            }, 0, 20, TimeUnit.MILLISECONDS);
            TimeUnit.MILLISECONDS.sleep(300);
            System.out.println("Every 20 ms, throws on run 3: after 300 ms it ran " + runs.get()
                    + " times; isDone() = " + failing.isDone());
            try {
                failing.get();
            } catch (ExecutionException e) {
                System.out.println("  get() throws ExecutionException, caused by");
                System.out.println("  " + e.getCause());
            }
        } finally {
            timer.shutdownNow();
        }
    }

    /** Start times of the first six runs, in ms from the first. */
    static String starts(ScheduledExecutorService timer, boolean fixedRate) throws InterruptedException {
        long[] at = new long[6];
        AtomicInteger n = new AtomicInteger();
        Runnable task = () -> {
            int i = n.getAndIncrement();
            if (i < at.length) {
                at[i] = System.nanoTime();
            }
            busy(30);
        };
        ScheduledFuture<?> f = fixedRate
                ? timer.scheduleAtFixedRate(task, 0, 50, TimeUnit.MILLISECONDS)
                : timer.scheduleWithFixedDelay(task, 0, 50, TimeUnit.MILLISECONDS);
        while (n.get() < at.length + 1) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        f.cancel(false);
        StringBuilder line = new StringBuilder();
        for (long t : at) {
            line.append(String.format("%5d", (t - at[0]) / 1_000_000));
        }
        return line.toString();
    }

    /** Works, rather than sleeps, for the given time, as a real task would. */
    static void busy(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
