package org.threadlings.checks;

import java.time.Duration;
import java.util.SplittableRandom;
import org.opentest4j.AssertionFailedError;

/**
 * Repeats a randomised trial until a trial or time budget is spent, and fails on the first wrong
 * result. One clean run proves nothing about a race: once the JIT has compiled a racy loop it is
 * often exact. Many runs with varied sizes catch it, and varied sizes also defeat a hard-coded
 * answer. Correct code never fails, so repetition costs time, never fairness.
 *
 * <pre>{@code
 * Stress.trials().run(trial -> {
 *     int threads = trial.between(2, 16);
 *     int each = trial.between(1_000, 100_000);
 *     trial.describe(threads + " threads × " + Words.count(each) + " increments");
 *     ...
 * });
 * }</pre>
 *
 * A failure names the trial, its description and the random seed; setting the system property
 * {@code threadlings.seed} replays the same sequence of sizes.
 */
public final class Stress {

    /** The body of one trial. */
    @FunctionalInterface
    public interface Body {
        void run(Trial trial) throws Exception;
    }

    /** One trial: its number, its own random source, and its description for messages. */
    public static final class Trial {
        private final int number;
        private final SplittableRandom random;
        private String description = "";
        private String uninformative;

        Trial(int number, SplittableRandom random) {
            this.number = number;
            this.random = random;
        }

        public int number() {
            return number;
        }

        public SplittableRandom random() {
            return random;
        }

        /** A random whole number from {@code min} to {@code max}, both included. */
        public int between(int min, int max) {
            return random.nextInt(min, max + 1);
        }

        /** Says what this trial does ("7 threads × 48,113 increments"), for the failure message. */
        public void describe(String text) {
            this.description = text;
        }

        /**
         * Marks this trial as proving nothing, for instance because its threads never ran at the
         * same time; it does not count towards {@link #informative(int)}.
         */
        public void uninformative(String why) {
            this.uninformative = why;
        }
    }

    private int minTrials = 3;
    private int maxTrials = 200;
    private int informativeNeeded;
    private Duration budget = Duration.ofMillis(1500);

    private Stress() {
    }

    public static Stress trials() {
        return new Stress();
    }

    /** Stop after this many trials (default 200). */
    public Stress atMost(int trials) {
        this.maxTrials = trials;
        return this;
    }

    /** But run at least this many, however long they take (default 3). */
    public Stress atLeast(int trials) {
        this.minTrials = trials;
        return this;
    }

    /**
     * Requires this many informative trials for a pass; with fewer the result is
     * {@link Inconclusive}, never a pass that proves nothing. Default 0: every trial counts.
     */
    public Stress informative(int trials) {
        this.informativeNeeded = trials;
        return this;
    }

    /** Stop starting new trials after this much time (default 1.5 s). */
    public Stress within(Duration time) {
        this.budget = time;
        return this;
    }

    /** Runs the trials; returns how many ran, all of them passing. */
    public int run(Body body) {
        long seed = Long.getLong("threadlings.seed", System.nanoTime() ^ 0x5DEECE66DL);
        SplittableRandom seeds = new SplittableRandom(seed);
        long start = System.nanoTime();
        int done = 0;
        int informative = 0;
        String lastWhy = "";
        while (done < maxTrials && (done < minTrials || System.nanoTime() - start < budget.toNanos())) {
            Trial trial = new Trial(done + 1, seeds.split());
            try {
                body.run(trial);
            } catch (AssertionError | Exception e) {
                throw failed(trial, seed, e);
            }
            done++;
            if (trial.uninformative == null) {
                informative++;
            } else {
                lastWhy = trial.uninformative;
            }
        }
        String took = Words.duration(Duration.ofNanos(System.nanoTime() - start));
        if (informative < informativeNeeded) {
            throw new Inconclusive("No verdict: only " + informative + " of " + done + " trials tested anything ("
                    + lastWhy + "; at least " + informativeNeeded + " are needed). The machine is too busy, or has "
                    + "a single core. Close other busy programs and run the check again.");
        }
        CheckReport.note("passed " + Words.plural(done, "trial", "trials")
                + (informative < done ? " (" + informative + " of them informative)" : "") + " in " + took);
        return done;
    }

    private static AssertionFailedError failed(Trial trial, long seed, Throwable cause) {
        String context = "trial " + trial.number
                + (trial.description.isEmpty() ? "" : " (" + trial.description + ")");
        String message = cause instanceof AssertionError ? cause.getMessage() : "your code " + Failures.threw(cause);
        return new AssertionFailedError(message + "\n[" + context + "; replay with -Dthreadlings.seed=" + seed + "]",
                cause);
    }
}
