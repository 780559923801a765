package org.threadlings.verdict;

/** How grading one exercise ended. */
public enum ExerciseStatus {
    /** No check failed (an inconclusive check does not fail an exercise). */
    PASS,
    FAIL,
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
