package org.threadlings.grading.child;

/** Which check is running right now, for reports written by other threads. */
final class RunState {

    private volatile String currentId = "";
    private volatile String currentName = "";
    private volatile boolean finished;
    private volatile long exitingThreadId;
    private volatile boolean handedOver;

    void started(String id, String name) {
        currentId = id;
        currentName = name;
    }

    void ended() {
        currentId = "";
        currentName = "";
    }

    String currentId() {
        return currentId;
    }

    /** "while running 'name'", or empty between checks. */
    String during() {
        String name = currentName;
        return name.isEmpty() ? "" : "while running '" + name + "'";
    }

    /** System.exit (or a signal) began the shutdown; {@code threadId} runs the shutdown hooks. */
    void exitBegan(long threadId) {
        exitingThreadId = threadId;
    }

    /** The thread running the shutdown hooks, or 0 while the JVM is not shutting down. */
    long exitingThreadId() {
        return exitingThreadId;
    }

    void markFinished() {
        finished = true;
    }

    boolean finished() {
        return finished;
    }

    /** The job reported its end and the JVM goes on to another job: this job's watch ends. */
    void markHandedOver() {
        handedOver = true;
    }

    boolean handedOver() {
        return handedOver;
    }
}
