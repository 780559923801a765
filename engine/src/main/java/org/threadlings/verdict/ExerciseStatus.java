package org.threadlings.verdict;

/** How grading one exercise ended. */
public enum ExerciseStatus {
    /** Every check passed. */
    PASS,
    FAIL,
    /**
     * No check failed, but at least one could not reach a verdict (a race that could not show on
     * one core, a speed-up on a machine too busy to tell). Not done: nothing was proven.
     */
    INCONCLUSIVE,
    /** The checks could not run to the end: compile error, System.exit, out of memory, a crash. */
    ERROR,
    /** The time limit was reached. */
    TIMEOUT,
    /** Results were forged or the grader's reporting was interfered with: the run does not count. */
    TAMPERED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
