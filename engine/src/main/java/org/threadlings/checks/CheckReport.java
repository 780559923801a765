package org.threadlings.checks;

import java.util.ArrayList;
import java.util.List;
import org.threadlings.verdict.Measurement;

/**
 * What a check wants shown next to its result besides pass or fail: notes (figures worth seeing
 * that are not graded, such as throughput) and the measured-versus-required value of a judged
 * measurement. The grading JVM collects them when each check ends; checks run one at a time.
 */
public final class CheckReport {

    /** What one check left behind. */
    public record Evidence(List<String> notes, Measurement measurement) {
    }

    private static final List<String> NOTES = new ArrayList<>();
    private static Measurement measurement;

    private CheckReport() {
    }

    /** A line shown under the check's result, for instance a throughput figure. */
    public static synchronized void note(String line) {
        NOTES.add(line);
    }

    /** Records the value a check judged, so reports can show measured against required. */
    public static synchronized void judged(Measurement judged) {
        measurement = judged;
    }

    /** Hands over and forgets everything recorded since the last call. For the grading JVM. */
    public static synchronized Evidence takeAll() {
        Evidence evidence = new Evidence(List.copyOf(NOTES), measurement);
        NOTES.clear();
        measurement = null;
        return evidence;
    }
}
