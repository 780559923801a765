package org.threadlings.verdict;

/** Why grading ended the way it did; {@link #COMPLETED} when every check ran. */
public enum Outcome {
    COMPLETED("completed"),
    MISSING_FILE("missing-file"),
    COMPILE_ERROR("compile-error"),
    CHECKS_DO_NOT_COMPILE("checks-do-not-compile"),
    /** A hidden check differs from the version lessons/starters.lock records: nothing was graded. */
    CHECKS_CHANGED("checks-changed"),
    TIME_LIMIT("time-limit"),
    DEADLOCK("deadlock"),
    SYSTEM_EXIT("system-exit"),
    OUT_OF_MEMORY("out-of-memory"),
    OUTPUT_LIMIT("output-limit"),
    CRASHED("crashed"),
    /** The grading JVM ended before it took the job: the exercise's jvm-options kept it from starting. */
    JVM_DID_NOT_START("jvm-did-not-start"),
    CANCELLED("cancelled"),
    /** Something other than the grader wrote results: nothing the run reported can be trusted. */
    TAMPERED("tampered");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
