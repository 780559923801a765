package org.threadlings.checks;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.opentest4j.AssertionFailedError;
import org.threadlings.diagnosis.ThreadRecord;
import org.threadlings.diagnosis.ThreadSnapshot;

/**
 * Tells slow from stuck when a wait has run out, and explains slowness: the rate measured, how
 * long the rest would take, and the likely cause read from what the threads were doing. Slow
 * code is not wrong code: its verdict says "correct so far, but too slow", never a hang.
 */
final class Slowness {

    private static final Duration SAMPLE = Duration.ofMillis(400);

    private Slowness() {
    }

    /**
     * Samples the progress twice. Returns true when the awaited condition came true meanwhile;
     * throws "too slow" when the work is still moving; returns false when it stands still.
     */
    static boolean stillMoving(Progress progress, BooleanSupplier condition) {
        long before = progress.done().getAsLong();
        long start = System.nanoTime();
        try {
            Thread.sleep(SAMPLE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (condition.getAsBoolean()) {
            return true;
        }
        long after = progress.done().getAsLong();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (after <= before) {
            return false;
        }
        double rate = (after - before) / seconds;
        throw new AssertionFailedError(message(progress, after, rate, ThreadSnapshot.take().threads()));
    }

    static String message(Progress progress, long done, double rate, List<ThreadRecord> threads) {
        long left = Math.max(0, progress.total() - done);
        Duration rest = Duration.ofMillis((long) Math.min(Long.MAX_VALUE / 2.0, left / rate * 1000));
        return "Correct so far, but too slow: the threads had done " + Words.count(done) + " of "
                + Words.count(progress.total()) + " " + progress.unit() + " when time ran out, and were still going at "
                + Words.count(Math.round(rate)) + " " + progress.unit() + " a second (the rest would take about "
                + Words.duration(rest) + "). Nothing is stuck and nothing was wrong so far. " + likelyCause(threads);
    }

    /** The most likely reason for the slowness, from one look at the threads. */
    static String likelyCause(List<ThreadRecord> threads) {
        long fair = threads.stream().filter(t -> t.waitingFor() != null
                && t.waitingFor().identity().contains("FairSync")).count();
        if (fair > 0) {
            return "Likely cause: a fair lock (" + Words.plural(fair, "thread", "threads") + " queued on it). A fair ReentrantLock hands the "
                    + "lock to the longest-waiting thread at every unlock, and that thread must first be woken up: "
                    + "thousands of times slower than letting the running thread take it again. Use new "
                    + "ReentrantLock() unless you truly need fairness.";
        }
        boolean sleepsHolding = threads.stream().anyMatch(t -> !t.held().isEmpty()
                && "TIMED_WAITING".equals(t.state()));
        if (sleepsHolding) {
            return "Likely cause: a lock held around slow work (a thread waits or sleeps while holding it, and "
                    + "every other thread waits for it all that time). Keep only the shared update inside the lock.";
        }
        long waiting = threads.stream().filter(t -> t.waitingFor() != null).count();
        if (waiting > 1) {
            return "Likely cause: contention: " + waiting + " threads were waiting for a lock at the same moment. "
                    + "Hold the lock for as short a time as possible.";
        }
        return "Look for work that does not need to be repeated in every step, or inside the lock.";
    }
}
