package org.threadlings.diagnosis;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds deadlocks that are real, not artefacts of a snapshot taken while locks changed hands:
 * a cycle counts only if a second snapshot a moment later shows the same threads waiting for the
 * same locks. A deadlock, once reported, is acknowledged: its threads stay stuck for the rest of
 * the run, and later searches look past it for new ones.
 */
public final class DeadlockDetector {

    private static final long CONFIRM_AFTER_MILLIS = 50;

    private static final Set<Set<String>> ACKNOWLEDGED = ConcurrentHashMap.newKeySet();

    private DeadlockDetector() {
    }

    /** A confirmed deadlock that has not been reported yet. */
    public static Optional<Deadlock> findNew() {
        List<Deadlock> first = fresh(Deadlock.findAll(ThreadSnapshot.take()));
        if (first.isEmpty()) {
            return Optional.empty();
        }
        try {
            Thread.sleep(CONFIRM_AFTER_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return fresh(Deadlock.findAll(ThreadSnapshot.take())).stream()
                .filter(d -> first.stream().anyMatch(f -> f.signature().equals(d.signature())))
                .findFirst();
    }

    /** Marks a deadlock as reported. */
    public static void acknowledge(Deadlock deadlock) {
        ACKNOWLEDGED.add(deadlock.signature());
    }

    private static List<Deadlock> fresh(List<Deadlock> deadlocks) {
        return deadlocks.stream().filter(d -> !ACKNOWLEDGED.contains(d.signature())).toList();
    }
}
