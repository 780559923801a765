package org.threadlings.checks;

import java.time.Duration;

/**
 * Judges a speed-up against what the machine offers right now. The bar is set by a parallel
 * reference measured in the same run: a candidate must realise at least {@code minimumGain} of
 * the reference's gain, {@code (S_cand - 1) / (S_ref - 1)}, on the best (minimum) time of each.
 * A busy machine lowers the reference and with it the bar, so correct code does not fail by
 * noise; when even the reference cannot show {@code minimumReference}, there is no honest
 * verdict. In 240 gradings on 2 cores, quiet and with one or two cores busy, this rule (0.5 and
 * 1.3) failed no correct solution and passed no sequential one. A candidate short of the bar
 * fails only when it is also clearly slow ({@link #failsBelow}), and only when the reference
 * reached {@code referenceToFail}.
 *
 * <p>A pass and a failure need not ask for the same reference. A pass needs the candidate above
 * the bar, far from where sequential code sits (about 1x); a failure needs it below half the
 * required gain, close to that noise, so a check may ask for more room before it fails anyone
 * than before it passes them: {@code new SpeedupRule(0.4, 1.4, 1.6)}.
 *
 * @param referenceToFail the reference speed-up a failure needs, at least {@code minimumReference};
 *                        below it, a candidate short of the bar gets no verdict
 */
public record SpeedupRule(double minimumGain, double minimumReference, double referenceToFail) {

    public static final SpeedupRule DEFAULT = new SpeedupRule(0.5, 1.3);

    public SpeedupRule {
        if (referenceToFail < minimumReference) {
            throw new IllegalArgumentException("a failure cannot need less of the reference (" + referenceToFail
                    + ") than any verdict does (" + minimumReference + ")");
        }
    }

    /** One floor for every verdict. */
    public SpeedupRule(double minimumGain, double minimumReference) {
        this(minimumGain, minimumReference, minimumReference);
    }

    /**
     * A failure needs the candidate below half the required gain: {@code 1 + minimumGain / 2 x
     * (S_ref - 1)}; between that and the bar there is no verdict. Correct solutions on a quiet but
     * shared machine measured 1.37x against a bar of 1.42x, 1.42x against 1.45x and 1.20x against
     * 1.33x (short workloads, the reference at 1.66x to 1.89x), while every slow answer the lessons
     * teach against (one thread, one worker, a lock or an atomic per item, a lopsided split)
     * measured about 1x or less.
     */
    public double failsBelow(double referenceSpeedup) {
        return 1 + minimumGain / 2 * (referenceSpeedup - 1);
    }

    /** The outcome: status, speed-ups and the bar, and the reason in words. */
    public record Judgement(Status status, double candidateSpeedup, double referenceSpeedup,
                            double required, String reason) {
    }

    public enum Status { PASS, FAIL, INCONCLUSIVE }

    /**
     * @param cores processors available to this JVM
     */
    public Judgement judge(Duration baseline, Duration reference, Duration candidate, int cores) {
        double sRef = ratio(baseline, reference);
        double sCand = ratio(baseline, candidate);
        double required = 1 + minimumGain * (sRef - 1);
        if (cores < 2) {
            return new Judgement(Status.INCONCLUSIVE, sCand, sRef, required,
                    "this machine gives Java only one core, so no speed-up is possible here");
        }
        if (sRef < minimumReference) {
            return new Judgement(Status.INCONCLUSIVE, sCand, sRef, required,
                    "even the parallel reference reached only " + Words.times(sRef) + " (at least "
                            + Words.times(minimumReference) + " is needed to tell parallel from sequential): "
                            + "the machine is too busy right now");
        }
        if (sCand >= required) {
            return new Judgement(Status.PASS, sCand, sRef, required,
                    "measured " + Words.times(sCand) + ", required " + Words.times(required));
        }
        if (sCand < failsBelow(sRef) && sRef < referenceToFail) {
            return new Judgement(Status.INCONCLUSIVE, sCand, sRef, required,
                    "measured " + Words.times(sCand) + ", required " + Words.times(required) + ", but the parallel "
                            + "reference reached only " + Words.times(sRef) + ", and at least "
                            + Words.times(referenceToFail) + " is needed before code is called too slow: the machine "
                            + "is too busy right now");
        }
        if (sCand >= failsBelow(sRef)) {
            return new Judgement(Status.INCONCLUSIVE, sCand, sRef, required,
                    "measured " + Words.times(sCand) + ", required " + Words.times(required) + ": short of the bar, "
                            + "but not below " + Words.times(failsBelow(sRef)) + ", where parallel code that is held "
                            + "back stays; correct code has measured this low while other programs took turns on the "
                            + "cores");
        }
        return new Judgement(Status.FAIL, sCand, sRef, required,
                "measured " + Words.times(sCand) + ", required " + Words.times(required));
    }

    private static double ratio(Duration slow, Duration fast) {
        return (double) slow.toNanos() / Math.max(1, fast.toNanos());
    }
}
