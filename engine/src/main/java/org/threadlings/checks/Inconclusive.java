package org.threadlings.checks;

import org.opentest4j.TestAbortedException;

/**
 * Thrown when a check cannot honestly decide, for instance a speed-up on a machine with one core
 * or too busy to tell parallel from sequential. Reported as "inconclusive" with the reason; it
 * neither passes nor fails the exercise.
 */
public final class Inconclusive extends TestAbortedException {

    private static final long serialVersionUID = 1L;

    public Inconclusive(String reason) {
        super(reason);
    }
}
