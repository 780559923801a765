package org.threadlings.verdict;

/** How one hidden check ended. */
public enum CheckStatus {
    PASS,
    FAIL,
    /** No honest verdict was possible, for instance a speed-up on a machine too busy to tell. */
    INCONCLUSIVE,
    /** The check could not run to a verdict: an exception, a crash, or it never started. */
    ERROR;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
