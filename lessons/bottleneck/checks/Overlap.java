package bottleneck.checks;

import org.threadlings.checks.Inconclusive;

/**
 * Correctness trials prove something about races only when the threads worked at the same time.
 * When none did, the toolkit's "inconclusive" blames the machine; here the likelier cause is the
 * student's own code taking turns, and the message says so.
 */
final class Overlap {

    private Overlap() {
    }

    /**
     * Runs the trials; if they end inconclusive and no trial at all saw two threads inside the
     * work together, says that the code itself ran its threads one at a time.
     *
     * @param together filled by the trials: how many saw two threads at once
     */
    static void explained(int[] together, Runnable trials) {
        try {
            trials.run();
        } catch (Inconclusive busy) {
            if (together[0] > 0) {
                throw busy;
            }
            throw new Inconclusive("Every result was exact, but in no trial did two of your threads work at the "
                    + "same moment, so no race could show and exactness under contention is not proven. The "
                    + "next check says why the threads took turns; fix that first.");
        }
    }
}
