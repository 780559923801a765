package org.threadlings.grading.child;

/** Which check is running right now, for reports written by other threads. */
final class RunState {

    private volatile String currentId = "";
    private volatile String currentName = "";
    private volatile boolean finished;

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

    void markFinished() {
        finished = true;
    }

    boolean finished() {
        return finished;
    }
}
