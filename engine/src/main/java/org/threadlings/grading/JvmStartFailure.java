package org.threadlings.grading;

import java.util.List;

/**
 * How a JVM says that it could not start, or that it did something else instead (printed its
 * version or its help): the grading JVM exits without a single event in those cases too, and
 * must not be taken for one that crashed while running the checks.
 */
final class JvmStartFailure {

    private static final List<String> SIGNS = List.of(
            "Could not create the Java Virtual Machine", "Error occurred during initialization of VM",
            "Unrecognized VM option", "Unrecognized option", "Invalid maximum heap size", "Invalid initial heap size",
            "Improperly specified VM option", "Usage: java ",
            // -version and its kin: "OpenJDK Runtime Environment Temurin-25 (build ...)", vendors vary.
            "Runtime Environment", "64-Bit Server VM (build");

    private JvmStartFailure() {
    }

    static boolean inOutput(String text) {
        return SIGNS.stream().anyMatch(text::contains);
    }
}
