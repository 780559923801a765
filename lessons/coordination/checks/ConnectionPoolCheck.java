package coordination.checks;

import coordination.ConnectionPool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.threadlings.checks.CheckReport;
import org.threadlings.checks.Inconclusive;
import org.threadlings.checks.Words;

/**
 * Exercise connection-pool: a Semaphore caps the callers inside at M. Tasks count themselves in
 * and out, so the checks see the peak. Under load the peak must never pass M; with callers
 * steered to stay inside until M of them are there, it must reach M (a pool that lets fewer in
 * shows its other callers waiting to enter while fewer than M are inside).
 */
class ConnectionPoolCheck {

    /** The callers inside a pool's tasks right now, and the most there ever were. */
    private static final class Inside {
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();

        void enter() {
            peak.accumulateAndGet(now.incrementAndGet(), Math::max);
        }

        void leave() {
            now.decrementAndGet();
        }
    }

    @Test
    @Order(1)
    @DisplayName("under load from 12 threads, never more than M callers inside at once (M = 3, then M = 1)")
    void neverMoreThanM() throws Exception {
        for (int m : new int[] {3, 1}) {
            ConnectionPool pool = new ConnectionPool(m);
            Inside inside = new Inside();
            Crew crew = new Crew();
            int threads = 12;
            int calls = 150;
            AtomicInteger done = new AtomicInteger();
            for (int i = 0; i < threads; i++) {
                crew.start("caller " + i, () -> {
                    for (int c = 0; c < calls; c++) {
                        pool.withConnection(() -> {
                            inside.enter();
                            try {
                                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(10_000, 60_000));
                            } finally {
                                inside.leave();
                            }
                            return null;
                        });
                        done.incrementAndGet();
                    }
                });
            }
            boolean finished = Crew.within(10_000, () -> crew.allDone() || inside.peak.get() > m);
            crew.dismiss();
            crew.failIfAnyThrew("12 threads called withConnection " + calls + " times each");
            int peak = inside.peak.get();
            if (peak > m) {
                throw new AssertionFailedError("A pool of " + m + " let " + peak + " callers use a connection at the "
                        + "same time; at most " + m + " may. " + (peak == m + 1
                        ? "One too many: is the Semaphore created with size + 1 permits, or released once too often?"
                        : "Nothing holds the extra callers back. Create one Semaphore(size) in the constructor (a "
                        + "new one per call limits nobody), and acquire() it before task.call(), not after."));
            }
            if (!finished) {
                throw new AssertionFailedError("12 threads calling withConnection " + calls + " times each on a pool "
                        + "of " + m + " finished only " + Words.count(done.get()) + " of "
                        + Words.count((long) threads * calls) + " calls in 10 s. Every acquire() needs its release(), "
                        + "in a finally block.");
            }
            CheckReport.note("pool of " + m + ": at most " + peak + " of 12 callers inside at once");
        }
    }

    @Test
    @Order(2)
    @DisplayName("M callers really get in together (M = 3 of 8 callers, each staying inside until 3 are there)")
    void reachesM() {
        int m = 3;
        ConnectionPool pool = new ConnectionPool(m);
        String shortfall = gather(pool, m, 8, "");
        if (shortfall != null) {
            throw new AssertionFailedError("A pool of " + m + " must let " + m + " callers in at the same time, but "
                    + shortfall + " Give the Semaphore exactly size permits, and do not wrap withConnection in "
                    + "synchronized or a lock: the semaphore alone decides who waits.");
        }
    }

    @Test
    @Order(3)
    @DisplayName("a task that throws gives its connection back, and its exception reaches the caller")
    void permitsReturnedWhenTaskThrows() {
        int m = 2;
        ConnectionPool pool = new ConnectionPool(m);
        int throwing = 5;
        AtomicInteger rethrown = new AtomicInteger();
        List<String> swallowed = new ArrayList<>();
        Crew crew = new Crew();
        Thread caller = crew.start("caller with failing tasks", () -> {
            for (int i = 0; i < throwing; i++) {
                IllegalStateException boom = new IllegalStateException("query " + i + " failed");
                try {
                    pool.withConnection(() -> {
                        throw boom;
                    });
                    swallowed.add("call " + i + " returned normally");
                } catch (IllegalStateException e) {
                    if (e == boom) {
                        rethrown.incrementAndGet();
                    } else {
                        swallowed.add("call " + i + " threw another exception: " + e);
                    }
                }
            }
        });
        boolean finished = Crew.within(3_000, () -> !caller.isAlive());
        if (!finished) {
            String at = Crew.where(caller);
            crew.dismiss();
            throw new AssertionFailedError("A pool of " + m + " ran tasks that threw, one after another on one thread; "
                    + "after " + rethrown.get() + " of them the next call waited for a connection for 3 s and never "
                    + "got one (it waits at " + at + "), though nobody else was using the pool. Each task that threw "
                    + "kept its permit. Release the permit in a finally block: try { return task.call(); } finally "
                    + "{ permits.release(); }");
        }
        crew.failIfAnyThrew("a thread ran tasks that threw");
        if (!swallowed.isEmpty()) {
            throw new AssertionFailedError("withConnection must throw what the task throws, but " + swallowed.get(0)
                    + ". Let the exception pass: a finally block releases the permit without catching anything.");
        }
        String shortfall = gather(pool, m, 4, "after " + throwing + " tasks threw, ");
        if (shortfall != null) {
            throw new AssertionFailedError("A pool of " + m + " must still let " + m + " callers in after tasks "
                    + "threw, but " + shortfall + " The failed tasks kept their permits: release in a finally block.");
        }
    }

    @Test
    @Order(4)
    @DisplayName("every task runs exactly once and its caller gets its result (6 threads, 100 tasks each, M = 2)")
    void everyTaskRunsOnce() {
        int m = 2;
        int threads = 6;
        int calls = 100;
        ConnectionPool pool = new ConnectionPool(m);
        AtomicIntegerArray runs = new AtomicIntegerArray(threads * calls);
        List<String> wrongResults = java.util.Collections.synchronizedList(new ArrayList<>());
        Crew crew = new Crew();
        for (int i = 0; i < threads; i++) {
            int first = i * calls;
            crew.start("caller " + i, () -> {
                for (int c = 0; c < calls; c++) {
                    int id = first + c;
                    Integer result = pool.withConnection(() -> {
                        runs.incrementAndGet(id);
                        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(10_000, 50_000));
                        return id;
                    });
                    if (result == null || result != id) {
                        wrongResults.add("task " + id + " returned " + id + " but withConnection returned " + result);
                    }
                }
            });
        }
        boolean finished = Crew.within(10_000, crew::allDone);
        crew.dismiss();
        crew.failIfAnyThrew("6 threads called withConnection " + calls + " times each");
        if (!finished) {
            throw new AssertionFailedError("6 threads calling withConnection " + calls + " times each on a pool of "
                    + m + " did not finish in 10 s. Every acquire() needs its release(), in a finally block.");
        }
        int never = 0;
        int twice = 0;
        for (int id = 0; id < runs.length(); id++) {
            never += runs.get(id) == 0 ? 1 : 0;
            twice += runs.get(id) > 1 ? 1 : 0;
        }
        if (never > 0 || twice > 0) {
            throw new AssertionFailedError("Of " + runs.length() + " tasks, " + never + " never ran and " + twice
                    + " ran more than once. Every task must run exactly once: when all connections are busy, wait "
                    + "for one (acquire()), do not skip the task (a failed tryAcquire()) or run it again.");
        }
        if (!wrongResults.isEmpty()) {
            throw new AssertionFailedError(wrongResults.size() + " callers did not get their task's result, for "
                    + "example " + wrongResults.get(0) + ". Return what task.call() returns.");
        }
    }

    /**
     * Starts {@code callers} threads that each call withConnection once with a task that stays
     * inside until {@code m} callers are inside (or it is released), and waits for the peak to
     * reach m. Returns null when it did, or what was seen instead: callers waiting to get in while
     * fewer than m were inside, on several looks in a row. Throws Inconclusive when neither showed.
     */
    private static String gather(ConnectionPool pool, int m, int callers, String when) {
        Inside inside = new Inside();
        Crew crew = new Crew();
        java.util.Set<Thread> entered = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.Set<Thread> left = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        for (int i = 0; i < callers; i++) {
            crew.start("caller " + i, () -> pool.withConnection(() -> {
                entered.add(Thread.currentThread());
                inside.enter();
                try {
                    long deadline = System.nanoTime() + 10_000_000_000L;
                    while (!released.get() && inside.peak.get() < m && System.nanoTime() - deadline < 0) {
                        LockSupport.parkNanos(1_000_000);
                    }
                } finally {
                    inside.leave();
                    left.add(Thread.currentThread());
                }
                return null;
            }));
        }
        int[] looks = {0};
        String[] seen = {null};
        Crew.within(3_000, () -> {
            if (inside.peak.get() >= m) {
                return true;
            }
            int in = inside.now.get();
            List<String> waiting = crew.threads().stream()
                    .filter(t -> t.isAlive() && !entered.contains(t) && Crew.notRunning(t))
                    .map(t -> "\"" + t.getName() + "\" waits at " + Crew.where(t)).toList();
            if (in > 0 && in < m && !waiting.isEmpty() && crew.firstCause() == null) {
                looks[0]++;
                seen[0] = when + "only " + in + " were inside at once while " + waiting.size() + " more waited to get "
                        + "in (" + waiting.get(0) + "), for " + looks[0] + " ms in a row.";
            } else {
                looks[0] = 0;
            }
            return looks[0] >= 200 || crew.firstCause() != null;
        });
        released.set(true);
        Crew.within(5_000, crew::allDone);
        crew.dismiss();
        crew.failIfAnyThrew("callers waited for the pool");
        if (inside.peak.get() >= m) {
            return null;
        }
        if (looks[0] >= 200) {
            return seen[0];
        }
        throw new Inconclusive("No verdict: in 3 s at most " + inside.peak.get() + " of " + callers + " callers were "
                + "inside a pool of " + m + " at once, yet the others were never seen waiting to get in; they got no "
                + "processor time. Close busy programs and check again.");
    }
}
