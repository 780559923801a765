package forkjoin.checks;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinTask;

/**
 * Watches the student's test or key function, without a clock, for two things.
 *
 * <p>Whether the stream is parallel: a parallel stream calls the function from inside the
 * fork/join tasks of {@code java.util.stream} (whatever thread runs them, the caller included),
 * a sequential stream or a loop never does. The first call on each thread looks at its stack.
 *
 * <p>Whether a result keeps the order of the items: the call for the first item waits until
 * {@value #LATER} later items have been passed to the function, or a later match has been and
 * {@link #GRACE} has passed for the stream to act on it, or the patience runs out. By then code
 * that adds to a shared list or map as items come, or takes whichever match comes first, has
 * taken a later item before the first, on any machine; a stream that collects in encounter
 * order still puts the first item first. A trial in which no later match was seen before the
 * first item was let go could not tell, and says so ({@link #testedOrder()}).
 */
final class Laggard {

    static final int LATER = 40;
    static final Duration GRACE = Duration.ofMillis(200);

    private final int firstId;
    private final Duration patience;
    private final Set<String> threads = ConcurrentHashMap.newKeySet();
    private final Set<String> streamThreads = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<Boolean> looked = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private final Object gate = new Object();
    private Thread holder;
    private boolean released;
    private int later;
    private long laterMatchAt;

    Laggard(int firstId, Duration patience) {
        this.firstId = firstId;
        this.patience = patience;
    }

    /**
     * Called with every item, before the student's code gets the answer for it.
     *
     * @param match whether this item matters for the order being checked: it passes the test,
     *              or it is in the first item's group
     */
    void call(Item item, boolean match) {
        Thread me = Thread.currentThread();
        threads.add(me.getName());
        if (!looked.get()) {
            looked.set(Boolean.TRUE);
            if (calledFromStreamTask()) {
                streamThreads.add(me.getName());
            }
        }
        if (item.id() == firstId) {
            hold(me);
            return;
        }
        synchronized (gate) {
            if (!released) {
                later++;
                if (match && laterMatchAt == 0) {
                    laterMatchAt = System.nanoTime();
                }
                gate.notifyAll();
            }
        }
    }

    private static boolean calledFromStreamTask() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .map(StackWalker.StackFrame::getDeclaringClass)
                .anyMatch(c -> c.getPackageName().equals("java.util.stream") && ForkJoinTask.class.isAssignableFrom(c)));
    }

    private void hold(Thread me) {
        synchronized (gate) {
            if (holder != null) {
                return;
            }
            holder = me;
            long deadline = System.nanoTime() + patience.toNanos();
            try {
                while (later < LATER) {
                    long now = System.nanoTime();
                    long until = deadline;
                    if (laterMatchAt != 0) {
                        until = Math.min(until, laterMatchAt + GRACE.toNanos());
                    }
                    if (now - until >= 0) {
                        break;
                    }
                    gate.wait(Math.max(1, (until - now) / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                released = true;
            }
        }
    }

    /** Whether the first item was passed to the function at all. */
    boolean held() {
        synchronized (gate) {
            return holder != null;
        }
    }

    /** Whether a later item that matters was seen before the first item was let go. */
    boolean testedOrder() {
        synchronized (gate) {
            return laterMatchAt != 0;
        }
    }

    /** Later items passed to the function before the first item was let go. */
    int laterBeforeFirst() {
        synchronized (gate) {
            return later;
        }
    }

    /** Whether any call came from inside a parallel stream's fork/join tasks. */
    boolean parallelStream() {
        return !streamThreads.isEmpty();
    }

    int threadCount() {
        return threads.size();
    }

    /** The names of the threads that called, sorted, for messages. */
    String threadNames() {
        return String.join(", ", new TreeSet<>(threads));
    }

    Duration patience() {
        return patience;
    }
}
