package org.threadlings.cli;

/** Exit codes of every command. */
public final class ExitCodes {

    /** Everything asked for passed. */
    public static final int OK = 0;
    /** Something was graded and did not pass (or, for validate, the course is inconsistent). */
    public static final int FAILED = 1;
    /** Nothing could be graded: a usage error, a course-format error, or an internal error. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
