package org.threadlings.validation;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.threadlings.course.Exercise;
import org.threadlings.verdict.Measurement;
import org.threadlings.verdict.Verdict;

/**
 * Which gradings need the machine to themselves, and the lock that gives it to them. A speed-up
 * measured while another grading takes the second core has no second core to show: it gives no
 * verdict, and validation would grade it again alone at the end, one core idle, after the first
 * run was wasted. So those gradings hold the machine from the start; the others share it.
 *
 * <p>An exercise tagged {@value #TAG} has its solution graded alone. The checks that report a
 * speed-up there (a measurement in ×) are its speed-up checks, and the known-wrong answers meant
 * for them are graded alone too. Every other grading runs beside others.
 */
final class WholeMachine {

    /** The exercise tag that says its checks measure a speed-up. */
    static final String TAG = "speed-up";

    /** Fair, so that a grading waiting for the whole machine is not overtaken for ever. */
    private final ReadWriteLock lock = new ReentrantReadWriteLock(true);
    /** Each exercise's checks that measured a speed-up when its solution was graded. */
    private final Map<Exercise, Set<String>> speedupChecks = new ConcurrentHashMap<>();

    /** Runs {@code grading} of {@code s}: alone if it needs the machine, else beside others; learns from it. */
    Verdict grade(Submission s, Supplier<Verdict> grading) {
        Lock held = lock.readLock();
        held.lock();
        if (needsIt(s)) {
            // Asked only once the read lock is held: a wrong answer that waited for its solution,
            // graded alone, to finish learns here which checks measured a speed-up.
            held.unlock();
            held = lock.writeLock();
            held.lock();
        }
        try {
            Verdict verdict = grading.get();
            learn(s, verdict);
            return verdict;
        } finally {
            held.unlock();
        }
    }

    private boolean needsIt(Submission s) {
        return switch (s.kind()) {
            case SOLUTION -> s.exercise().tags().contains(TAG);
            case WRONG -> speedupChecks.getOrDefault(s.exercise(), Set.of()).contains(s.wrong().caughtBy());
            case STARTER -> false; // it needs only to fail some check, and a speed-up beside others may stay undecided
        };
    }

    private void learn(Submission s, Verdict verdict) {
        if (s.kind() == Submission.Kind.SOLUTION && verdict != null) {
            Set<String> checks = ConcurrentHashMap.newKeySet();
            verdict.checks().stream()
                    .filter(c -> c.measurement() != null && Measurement.TIMES.equals(c.measurement().unit()))
                    .forEach(c -> checks.add(c.method()));
            speedupChecks.put(s.exercise(), checks);
        }
    }
}
