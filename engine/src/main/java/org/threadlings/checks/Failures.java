package org.threadlings.checks;

import org.threadlings.diagnosis.FailureText;

/** Exceptions from the student's code, described for a failure message. */
final class Failures {

    private Failures() {
    }

    /** What was thrown, with the frames outside the JDK, JUnit and this toolkit's own plumbing. */
    static String threw(Throwable cause) {
        return FailureText.threw(cause, className -> !className.startsWith("org.threadlings.")
                && !className.startsWith("java.") && !className.startsWith("jdk.")
                && !className.startsWith("org.junit."));
    }
}
