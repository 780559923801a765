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
        private boolean apart;
        private long raced = -1;

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

        /**
         * Marks this trial as proving nothing because the code itself kept its threads apart: each
         * one waited for another to join it, long enough for any scheduler, and none came (a lock
         * held around all the work, or each thread joined before the next starts). Unlike a busy
         * moment, that does not pass with time: once {@value #APART_TRIALS} trials say so and none
         * was informative, no trials are added past the budget in the hope of evidence.
         */
        public void apart(String why) {
            uninformative(why);
            this.apart = true;
        }

        /**
         * Records the evidence of this trial: how many updates a {@link RaceCanary} doing the same
         * work lost. None lost makes the trial uninformative: a racy counter would have come out
         * exact too.
         */
        public void raced(long canaryLost) {
            this.raced = canaryLost;
            if (canaryLost == 0) {
                uninformative("a racy control counter doing the same work lost no update: the threads never collided");
            }
        }
    }

    /** Trials whose threads were kept apart, with none informative, after which waiting for evidence stops. */
    static final int APART_TRIALS = 3;

    private int minTrials = 3;
    private int maxTrials = 200;
    private int informativeNeeded;
    private long evidenceNeeded;
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

    /**
     * Requires the {@link RaceCanary} of the passing trials to have lost at least this many updates
     * in all, besides losing some in {@link #informative(int)} trials. With less, the result is
     * {@link Inconclusive}. Default 0.
     */
    public Stress evidence(long canaryLosses) {
        this.evidenceNeeded = canaryLosses;
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
        Tally tally = new Tally();
        while (tally.done < maxTrials && (tally.done < minTrials || System.nanoTime() - start < budget.toNanos()
                || tally.wantsEvidence(informativeNeeded, evidenceNeeded) && !tally.keptApart()
                && System.nanoTime() - start < 3 * budget.toNanos())) {
            Trial trial = new Trial(tally.done + 1, seeds.split());
            try {
                body.run(trial);
            } catch (AssertionError | Exception e) {
                throw failed(trial, seed, e);
            }
            tally.add(trial);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (tally.informative < informativeNeeded || tally.lost < evidenceNeeded) {
            throw new Inconclusive(tally.whyNoVerdict(informativeNeeded, evidenceNeeded, took));
        }
        CheckReport.note("passed " + Words.plural(tally.done, "trial", "trials")
                + (tally.informative < tally.done ? " (" + tally.informative + " of them informative)" : "")
                + " in " + Words.duration(took) + (tally.lost > 0 ? "; " + tally.evidence() : ""));
        return tally.done;
    }

    /** What the trials so far have shown. */
    private static final class Tally {
        int done;
        int informative;
        long lost;
        int withCanary;
        int racedTrials;
        int apart;
        String lastWhy = "";

        void add(Trial trial) {
            done++;
            if (trial.raced >= 0) {
                withCanary++;
                lost += trial.raced;
                racedTrials += trial.raced > 0 ? 1 : 0;
            }
            apart += trial.apart ? 1 : 0;
            if (trial.uninformative == null) {
                informative++;
            } else {
                lastWhy = trial.uninformative;
            }
        }

        /**
         * Whether a verdict still lacks evidence: then trials go on past the budget, up to three
         * times it, since a busy moment should cost time rather than the verdict (unless the code
         * keeps its threads apart, see {@link Trial#apart}).
         */
        boolean wantsEvidence(int informativeNeeded, long evidenceNeeded) {
            return informative < informativeNeeded || lost < evidenceNeeded;
        }

        /** Whether the code, not the machine, kept every trial from showing a race: more time will not help. */
        boolean keptApart() {
            return informative == 0 && apart >= APART_TRIALS;
        }

        String evidence() {
            return "alongside, a racy control counter doing the same work lost " + Words.count(lost) + " updates, in "
                    + (racedTrials == withCanary ? "every one of " + Words.plural(withCanary, "trial", "trials")
                            : racedTrials + " of " + Words.plural(withCanary, "trial", "trials"))
                    + ": the threads really collided";
        }

        /** Says what was observed, and why it is not enough for a verdict. */
        String whyNoVerdict(int informativeNeeded, long evidenceNeeded, Duration took) {
            StringBuilder why = new StringBuilder("No verdict: your code gave exact results in "
                    + Words.plural(done, "trial", "trials") + " (" + Words.duration(took) + "), but ");
            if (informative < informativeNeeded) {
                why.append(informative == 0 ? "none of them" : "only " + informative + " of them")
                        .append(" could have shown a race (").append(informativeNeeded).append(" needed)");
                if (!lastWhy.isEmpty()) {
                    why.append(": in the others, ").append(lastWhy);
                }
            } else {
                why.append("a racy control counter doing the same work lost only ")
                        .append(Words.count(lost)).append(lost == 1 ? " update" : " updates")
                        .append(" in all (").append(Words.count(evidenceNeeded))
                        .append(" needed): the threads hardly ever collided");
            }
            why.append(". ").append(Machine.adviceForRaces());
            return why.toString();
        }
    }

    private static AssertionFailedError failed(Trial trial, long seed, Throwable cause) {
        String context = "trial " + trial.number
                + (trial.description.isEmpty() ? "" : " (" + trial.description + ")");
        String message = cause instanceof AssertionError ? cause.getMessage() : "your code " + Failures.threw(cause);
        return new AssertionFailedError(message + "\n[" + context + "; replay with -Dthreadlings.seed=" + seed + "]",
                cause);
    }
}
