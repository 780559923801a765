package org.threadlings.diagnosis;

import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Which check was running when a thread was created. Thread ids come from one counter that only
 * grows, virtual threads included, so the id of a thread made as a check starts marks where that
 * check's threads begin: no hook into thread creation is needed. Reports use it to blame a
 * deadlock on the check whose threads are stuck, not on the check that happens to find them, and
 * to tell apart threads of two checks that share a name.
 */
public final class ThreadOrigins {

    /** A check: its id and the name it is shown with. */
    public record Check(String id, String name) {
    }

    private static final Check NONE = new Check("", "");
    /** The first thread id of each stretch of the run, to the check running in it (NONE between checks). */
    private static final NavigableMap<Long, Check> STRETCHES = new ConcurrentSkipListMap<>();

    private ThreadOrigins() {
    }

    /** Threads created from now on belong to this check. */
    public static void checkStarting(String id, String name) {
        STRETCHES.put(nextThreadId(), new Check(id, name));
    }

    /** Threads created from now on belong to no check. */
    public static void checkEnded() {
        STRETCHES.put(nextThreadId(), NONE);
    }

    /** The check that was running when thread {@code threadId} was created, if any. */
    public static Optional<Check> checkThatStarted(long threadId) {
        Map.Entry<Long, Check> stretch = STRETCHES.floorEntry(threadId);
        return stretch == null || stretch.getValue() == NONE ? Optional.empty() : Optional.of(stretch.getValue());
    }

    /** The check running now, if any. */
    public static Optional<Check> current() {
        Map.Entry<Long, Check> last = STRETCHES.lastEntry();
        return last == null || last.getValue() == NONE ? Optional.empty() : Optional.of(last.getValue());
    }

    /** The id the next thread will get, or a little less: making an unstarted thread costs no OS thread. */
    private static long nextThreadId() {
        return Thread.ofVirtual().unstarted(() -> { }).threadId() + 1;
    }
}
