package bottleneck.checks;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.threadlings.checks.ParallelismProbe;

/**
 * Sees, without a clock, whether the student's threads worked at the same time, and helps races
 * show when they did.
 *
 * <ul>
 * <li>The first call each thread makes into the work waits at a rendezvous (a
 * {@link ParallelismProbe}) until {@code expected} threads are there or the patience runs out.
 * Threads that run at once meet there on any machine, busy or not; threads that take turns
 * behind one lock, or are started and joined one at a time, never do: the peak stays at one.</li>
 * <li>Every call notes whether the previous call came from another thread. Threads running side
 * by side on two cores switch thousands of times per trial; threads that share one core only
 * switch when the scheduler preempts one, a few dozen times. Only a trial with many switches
 * can show a lost update, so only such a trial counts as testing anything.</li>
 * <li>Now and then a call spins for a couple of microseconds. A thread that read a shared total
 * before calling the work (as {@code total += work(i)} does) then holds a stale value long enough
 * for the other thread's additions to land, and lose them. Correct code is not affected.</li>
 * </ul>
 */
final class WorkWatch {

    private static final Runnable NOTHING = () -> { };
    private static final long PAUSE_NANOS = 2_000;

    private final ParallelismProbe probe;
    private final ThreadLocal<Boolean> arrived = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private final Set<String> names = ConcurrentHashMap.newKeySet();
    private final LongAdder switches = new LongAdder();
    private final long pauseMask;
    private volatile Thread last;

    /**
     * @param pauseEvery spin on one call in this many (a power of two), or 0 never to spin
     */
    WorkWatch(int expected, Duration patience, int pauseEvery) {
        this.probe = ParallelismProbe.expecting(expected).patience(patience);
        this.pauseMask = pauseEvery == 0 ? -1 : pauseEvery - 1;
    }

    void call(long i) {
        Thread me = Thread.currentThread();
        if (!arrived.get()) {
            arrived.set(Boolean.TRUE);
            names.add(me.getName());
            probe.wrap(NOTHING).run();
        }
        if (last != me) {
            last = me;
            switches.increment();
        }
        if (pauseMask >= 0 && (i & pauseMask) == 0) {
            long until = System.nanoTime() + PAUSE_NANOS;
            while (System.nanoTime() - until < 0) {
                Thread.onSpinWait();
            }
        }
    }

    /** The most threads that were inside the work at the same moment. */
    int peak() {
        return probe.peakInFlight();
    }

    /** How often a call came from a different thread than the call before it. */
    long switches() {
        return switches.sum();
    }

    int threads() {
        return names.size();
    }

    /** The names of the threads that did work, sorted, for messages. */
    String names() {
        return String.join(", ", new TreeSet<>(names));
    }
}
