package org.threadlings.checks;

/**
 * What the grading JVM was given to run on, for the advice of an inconclusive verdict. On one
 * processor the advice is where to go, since closing programs cannot give a second core; on more,
 * it is to close the programs that crowd them.
 */
public final class Machine {

    private static final String ONE_PROCESSOR = "Threadlings was given a single processor (availableProcessors() = 1, "
            + "from the machine, taskset or a container's CPU limit): threads only take turns, ";
    private static final String NEEDS_TWO = "This check needs two cores; check where it gets them.";

    private Machine() {
    }

    /** For a stress test that saw too few trials that could have shown a race. */
    public static String adviceForRaces() {
        return adviceForRaces(Runtime.getRuntime().availableProcessors());
    }

    /** For a speed-up that could not be judged. */
    public static String adviceForSpeedUps() {
        return adviceForSpeedUps(Runtime.getRuntime().availableProcessors());
    }

    /**
     * What to do when a stress test saw too few trials that could have shown a race. With one
     * processor (a one-core machine, {@code taskset}, a container's CPU quota) threads only take
     * turns, and closing programs cannot help.
     */
    static String adviceForRaces(int cores) {
        return cores < 2
                ? ONE_PROCESSOR + "so a race shows only when a thread is switched out at the wrong moment, and this "
                + "time that happened too rarely to tell a race from none. Check again, or where it gets two cores."
                : busy(cores);
    }

    /**
     * What to do when a speed-up could not be judged. One processor never gives one, so the
     * advice there is where to go, not to try again.
     */
    static String adviceForSpeedUps(int cores) {
        return cores < 2
                ? ONE_PROCESSOR + "so they cannot finish sooner than one. " + NEEDS_TWO
                : busy(cores);
    }

    /**
     * For a check that needs the threads at work at the same moment in every trial, not by a
     * lucky switch: on one processor that never happens, so the advice is where to go.
     */
    public static String adviceForSideBySide() {
        return adviceForSideBySide(Runtime.getRuntime().availableProcessors());
    }

    static String adviceForSideBySide(int cores) {
        return cores < 2
                ? ONE_PROCESSOR + "so no two of them ever work at the same moment. " + NEEDS_TWO
                : busy(cores);
    }

    /** Whether this JVM was given a single processor, where threads only take turns. */
    public static boolean singleProcessor() {
        return Runtime.getRuntime().availableProcessors() < 2;
    }

    private static String busy(int cores) {
        return "The machine (" + cores + " processors) was too busy for the threads to run at the same time. "
                + "Close other busy programs and check again.";
    }
}
