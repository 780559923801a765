package org.threadlings.diagnosis;

import java.util.List;

/**
 * What one thread was doing at the moment of a snapshot.
 *
 * @param waitingFor the lock it is blocked on or parked for, or null
 * @param owner      the id of the thread that holds {@code waitingFor}, or -1 if none or unknown
 * @param held       the locks it holds
 */
public record ThreadRecord(long id, String name, boolean virtual, boolean daemon, String state,
                           List<Frame> stack, Lock waitingFor, long owner, List<Lock> held) {

    public ThreadRecord {
        stack = List.copyOf(stack);
        held = List.copyOf(held);
    }

    /** The first frame outside the JDK: where the thread's own code is. */
    public Frame codeFrame() {
        return stack.stream().filter(f -> !f.isJdk()).findFirst().orElse(stack.isEmpty() ? null : stack.get(0));
    }

    public boolean runsCodeIn(String packageName) {
        return stack.stream().anyMatch(f -> f.isIn(packageName));
    }
}
