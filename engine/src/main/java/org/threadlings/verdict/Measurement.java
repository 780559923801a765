package org.threadlings.verdict;

/**
 * A measured value judged against a required one, for instance a speed-up of 1.62× where 1.38×
 * was required. {@code higherIsBetter} says which way the bar points.
 */
public record Measurement(double measured, double required, String unit, boolean higherIsBetter) {

    /** The unit of a speed-up: how many times faster than one thread. */
    public static final String TIMES = "×";

    public boolean met() {
        return higherIsBetter ? measured >= required : measured <= required;
    }
}
