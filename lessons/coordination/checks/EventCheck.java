package coordination.checks;

import coordination.Event;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.threadlings.checks.CheckReport;
import org.threadlings.checks.Inconclusive;

/**
 * Exercise event: await() until set(), and every waiter wakes. Waiters are threads the check
 * starts and watches from outside: whether they returned, what state they are in, how much
 * processor time they used while waiting.
 */
class EventCheck {

    /**
     * How long woken waiters may take to return. A waiter that was woken returns in well under a
     * millisecond; this bound only has to outlast a busy machine, while a waiter nobody woke stays
     * for ever.
     */
    private static final long WAKE_MILLIS = 3_000;

    @Test
    @Order(1)
    @DisplayName("no waiter returns before set() (4 waiters, 300 ms)")
    void noWaiterReturnsBeforeSet() {
        Event event = new Event();
        AtomicInteger returned = new AtomicInteger();
        Crew crew = waiters(event, 4, returned);
        try {
            Crew.within(300, () -> returned.get() > 0 || crew.firstCause() != null);
            crew.failIfAnyThrew("4 threads called await() on an event nobody had set");
            if (returned.get() > 0) {
                throw new AssertionFailedError(returned.get() + " of 4 threads returned from await() though nobody "
                        + "had called set(). await() must wait while the event is not set: lock, then "
                        + "while (!set) changed.await();");
            }
        } finally {
            event.set();
            crew.dismiss();
        }
    }

    @Test
    @Order(2)
    @DisplayName("set() wakes every waiter, not just one (6 waiters, all back within 3 s)")
    void allWaitersWoken() {
        Event event = new Event();
        AtomicInteger returned = new AtomicInteger();
        Crew crew = waiters(event, 6, returned);
        try {
            Crew.within(2_000, () -> crew.firstCause() != null || returned.get() > 0
                    || crew.threads().stream().allMatch(Crew::notRunning));
            crew.failIfAnyThrew("6 threads called await()");
            if (returned.get() > 0) {
                throw new AssertionFailedError(returned.get() + " of 6 waiters returned from await() before set(): "
                        + "wait while (!set).");
            }
            event.set();
            Crew.within(WAKE_MILLIS, () -> returned.get() == 6 || crew.firstCause() != null);
            crew.failIfAnyThrew("6 threads waited and set() was called");
            if (returned.get() < 6) {
                throw new AssertionFailedError("6 threads waited for the event; set() was called and "
                        + WAKE_MILLIS / 1000 + " s later only " + returned.get() + " had returned, the others still "
                        + "waiting (" + stillThere(crew) + "). signal() and notify() wake one waiter; set() must wake "
                        + "them all: changed.signalAll() (or notifyAll()).");
            }
        } finally {
            event.set();
            crew.dismiss();
        }
    }

    @Test
    @Order(3)
    @DisplayName("once set, await() returns at once for threads that come later (5 late waiters)")
    void lateWaitersPassAtOnce() throws InterruptedException {
        Event event = new Event();
        event.set();
        if (!event.isSet()) {
            throw new AssertionFailedError("isSet() returned false right after set(). Keep the state in the field "
                    + "and set it to true in set().");
        }
        AtomicInteger returned = new AtomicInteger();
        Crew crew = waiters(event, 5, returned);
        try {
            Crew.within(WAKE_MILLIS, () -> returned.get() == 5 || crew.firstCause() != null);
            crew.failIfAnyThrew("5 threads called await() on an event already set");
            if (returned.get() < 5) {
                throw new AssertionFailedError("The event was set, then 5 threads called await(); " + WAKE_MILLIS / 1000
                        + " s later " + (5 - returned.get()) + " were still waiting (" + stillThere(crew) + "). A "
                        + "signal reaches only threads already waiting; one that comes later must find the state. "
                        + "Record it (set = true) and wait only while (!set).");
            }
        } finally {
            crew.dismiss();
        }
    }

    @Test
    @Order(4)
    @DisplayName("waiters sleep: parked, using no processor time, while the event is not set")
    void waitersDoNotSpin() {
        Event event = new Event();
        AtomicInteger returned = new AtomicInteger();
        Crew crew = waiters(event, 3, returned);
        try {
            boolean parked = Crew.within(1_000, () -> crew.firstCause() != null
                    || crew.threads().stream().allMatch(Crew::notRunning));
            crew.failIfAnyThrew("3 threads called await()");
            if (returned.get() > 0) {
                throw new AssertionFailedError(returned.get() + " of 3 waiters returned from await() before set(): "
                        + "wait while (!set).");
            }
            List<Thread> threads = crew.threads();
            long before = threads.stream().mapToLong(Crew::cpuNanos).sum();
            Crew.within(300, () -> false);
            long used = threads.stream().mapToLong(Crew::cpuNanos).sum() - before;
            String states = String.join(", ", threads.stream()
                    .map(t -> "\"" + t.getName() + "\" " + t.getState() + " at " + Crew.where(t)).toList());
            if (before >= 0 && used > 30_000_000L) {
                throw new AssertionFailedError("3 threads waiting for the event used " + used / 1_000_000 + " ms of "
                        + "processor time in 300 ms (" + states + "): they keep checking a flag instead of "
                        + "sleeping. Wait on the Condition, changed.await(), with the lock held; set() wakes them.");
            }
            if (!parked) {
                throw new Inconclusive("No verdict: after 1 s the waiters were not yet waiting (" + states + ") but "
                        + "used little processor time; the machine gave them no turn. Check again.");
            }
            CheckReport.note("3 waiters used " + used / 1_000 + " us of processor time in 300 ms");
        } finally {
            event.set();
            crew.dismiss();
        }
    }

    @Test
    @Order(5)
    @DisplayName("await(timeout) gives up and returns false after the timeout, and returns true once set")
    void timedAwaitGivesUp() throws InterruptedException {
        Event event = new Event();
        AtomicReference<Boolean> result = new AtomicReference<>();
        AtomicLong took = new AtomicLong();
        Crew crew = new Crew();
        Thread waiter = crew.start("waiter with a 150 ms timeout", () -> {
            long start = System.nanoTime();
            result.set(event.await(150, TimeUnit.MILLISECONDS));
            took.set(System.nanoTime() - start);
        });
        try {
            Crew.within(WAKE_MILLIS, () -> !waiter.isAlive());
            crew.failIfAnyThrew("a thread called await(150 ms) on an event nobody set");
            if (waiter.isAlive()) {
                throw new AssertionFailedError("await(150, MILLISECONDS) on an event nobody set was still waiting "
                        + WAKE_MILLIS / 1000 + " s later (" + Crew.where(waiter) + "). Wait with "
                        + "changed.awaitNanos(nanos), which returns what is left of the timeout, and return false "
                        + "when that reaches 0.");
            }
            // 10 ms of slack: a deadline kept with the wall clock (awaitUntil) may end a tick early.
            if (!Boolean.FALSE.equals(result.get()) || took.get() < 140_000_000L) {
                throw new AssertionFailedError("await(150, MILLISECONDS) on an event nobody set returned "
                        + result.get() + " after " + took.get() / 1_000_000 + " ms; it must return false, and not "
                        + "before the 150 ms are up.");
            }
        } finally {
            crew.dismiss();
        }
        event.set();
        AtomicReference<Boolean> after = new AtomicReference<>();
        Crew late = new Crew();
        Thread second = late.start("waiter after set", () -> after.set(event.await(10, TimeUnit.SECONDS)));
        try {
            Crew.within(WAKE_MILLIS, () -> !second.isAlive());
            late.failIfAnyThrew("a thread called await(10 s) on an event already set");
            if (second.isAlive() || !Boolean.TRUE.equals(after.get())) {
                throw new AssertionFailedError("await(10, SECONDS) on an event already set "
                        + (second.isAlive() ? "was still waiting " + WAKE_MILLIS / 1000 + " s later" : "returned "
                        + after.get()) + "; it must return true at once.");
            }
        } finally {
            late.dismiss();
        }
    }

    /** Starts {@code n} threads that each call await() once and count themselves when it returns. */
    private static Crew waiters(Event event, int n, AtomicInteger returned) {
        Crew crew = new Crew();
        for (int i = 0; i < n; i++) {
            crew.start("waiter " + i, () -> {
                event.await();
                returned.incrementAndGet();
            });
        }
        return crew;
    }

    private static String stillThere(Crew crew) {
        return String.join(", ", crew.threads().stream().filter(Thread::isAlive)
                .map(t -> "\"" + t.getName() + "\" at " + Crew.where(t)).toList());
    }
}
