package org.threadlings.checks;

/** What the grading JVM was given to run on, for the advice of an inconclusive verdict. */
final class Machine {

    private Machine() {
    }

    /**
     * What to do when the machine could not show what a check needs to see. With one processor
     * (a one-core machine, {@code taskset}, a container's CPU quota) threads only take turns, and
     * closing programs cannot help.
     */
    static String advice() {
        int cores = Runtime.getRuntime().availableProcessors();
        if (cores < 2) {
            return "Threadlings was given a single processor (availableProcessors() = 1, from the machine, "
                    + "taskset or a container's CPU limit): threads only take turns, so a race shows only when a "
                    + "thread is switched out at the wrong moment, and this time that happened too rarely to tell a "
                    + "race from none. Check again, or where it gets two cores.";
        }
        return "The machine (" + cores + " processors) was too busy for the threads to run at the same time. "
                + "Close other busy programs and check again.";
    }
}
