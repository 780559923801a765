package bottleneck.checks;

import org.threadlings.checks.Inconclusive;
import org.threadlings.checks.Machine;
import org.threadlings.checks.Stress;

/**
 * Which correctness trials could show a race, and why the others could not. A trial counts only
 * if two of the student's threads met inside the work (the {@link WorkWatch} rendezvous) and then
 * really interleaved, switching between each other at least {@link #MIN_SWITCHES} times; threads
 * that take turns on one crowded core switch only a few dozen times, and a race cannot show.
 * When too few trials count, the message says which of the two was missing: the student's code
 * taking turns, or the machine.
 */
final class Overlap {

    /** Below this many switches between threads, a trial's threads did not really interleave. */
    static final long MIN_SWITCHES = 500;

    private int raced;     // trials with two or more threads and items for each
    private int met;       // ...in which two threads were inside the work together
    private int counted;   // ...and interleaved finely enough for a race to show

    /** Marks {@code trial} uninformative unless it could show a race. */
    void classify(Stress.Trial trial, int threads, long items, int peak, long switches) {
        if (threads < 2 || items < threads) {
            trial.uninformative("one thread, or less than one item per thread, cannot race");
            return;
        }
        raced++;
        if (peak < 2) {
            // Each thread's first item waited for company and none came: the code's doing, not the machine's.
            trial.apart("the threads never worked at the same time");
            return;
        }
        met++;
        if (switches < MIN_SWITCHES) {
            trial.uninformative("the threads took turns on one core (" + switches + " switches between them)");
            return;
        }
        counted++;
    }

    /** Runs the trials and rewrites an "inconclusive" so that it names the real cause. */
    void explained(Runnable trials) {
        try {
            trials.run();
        } catch (Inconclusive tooFew) {
            if (raced > 0 && met == 0) {
                throw new Inconclusive("Every result was exact, but in none of " + raced + " trials with several "
                        + "threads did two of your threads work at the same moment, so no race could show and "
                        + "exactness under contention is not proven. The next check says why the threads took "
                        + "turns; fix that first.");
            }
            throw new Inconclusive("Every result was exact, but only " + counted + " of " + raced + " trials with "
                    + "several threads had them running side by side (in " + (met - counted) + " of them the threads "
                    + "met, then took turns on one core), and at least 3 are needed to trust that no update is lost. "
                    + Machine.adviceForSideBySide());
        }
    }
}
