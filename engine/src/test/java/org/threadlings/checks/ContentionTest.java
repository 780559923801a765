package org.threadlings.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;
import org.threadlings.diagnosis.DeadlockFixtures;
import org.threadlings.diagnosis.DeadlockFixtures.Fork;
import org.threadlings.diagnosis.DeadlockFixtures.Knife;

@Timeout(120)
class ContentionTest {

    @BeforeEach
    void onlyNewDeadlocksCount() {
        DeadlockFixtures.acknowledgeAll();
    }

    @AfterEach
    void forgetNotes() {
        CheckReport.takeAll();
        DeadlockFixtures.acknowledgeAll();
    }

    /** A barrier for all of them trips only if they all run the body at the same time. */
    @Test
    void allThreadsRunTheBodyAtOnce() {
        int threads = 6;
        CyclicBarrier together = new CyclicBarrier(threads);

        Contention.threads(threads).run(i -> together.await(30, TimeUnit.SECONDS));

        assertEquals(0, together.getNumberWaiting());
        assertTrue(!together.isBroken());
    }

    /** Nothing runs while threads are still being created: the first body finds every thread alive. */
    @Test
    void noBodyStartsBeforeEveryThreadIsStarted() {
        int threads = 8;
        AtomicBoolean first = new AtomicBoolean();
        AtomicLong aliveAtFirstBody = new AtomicLong(-1);
        CountDownLatch counted = new CountDownLatch(1);

        Contention.threads(threads).named("gated-").run(i -> {
            if (first.compareAndSet(false, true)) {
                aliveAtFirstBody.set(Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().startsWith("gated-")).count());
                counted.countDown();
            }
            // No thread may finish, and so leave the count, before it is taken.
            counted.await();
        });

        assertEquals(threads, aliveAtFirstBody.get());
    }

    @Test
    void everyIndexRunsOnceOnItsOwnNamedThread() {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());

        Contention.threads(5).named("teller-").run(i -> seen.add(i + "=" + Thread.currentThread().getName()));

        assertEquals(Set.of("0=teller-0", "1=teller-1", "2=teller-2", "3=teller-3", "4=teller-4"), Set.copyOf(seen));
        assertEquals(5, seen.size());
    }

    @Test
    void platformDaemonThreadsByDefaultVirtualOnRequest() {
        Set<String> kinds = ConcurrentHashMap.newKeySet();

        Contention.threads(3).run(i -> kinds.add(Thread.currentThread().isVirtual() + "/" + Thread.currentThread().isDaemon()));
        assertEquals(Set.of("false/true"), kinds);

        kinds.clear();
        Contention.threads(3).virtual().run(i -> kinds.add(Thread.currentThread().isVirtual() + "/" + Thread.currentThread().isDaemon()));
        assertEquals(Set.of("true/true"), kinds);
    }

    @Test
    void theTimeReturnedCoversTheSlowestThread() {
        Duration elapsed = Contention.threads(3).run(i -> Thread.sleep(i == 2 ? 100 : 1)).elapsed();

        assertTrue(elapsed.toMillis() >= 100, elapsed.toString());
    }

    @Test
    void overlapIsHighWhenThreadsRunTogetherAndLowWhenTheyTakeTurns() {
        double together = Contention.threads(2).run(i -> Thread.sleep(100)).overlap();
        assertTrue(together > 0.8, "both slept at the same time: " + together);

        // One thread is done at once while the other works on alone: they hardly overlap.
        double alone = Contention.threads(2).run(i -> Thread.sleep(i == 0 ? 100 : 0)).overlap();
        assertTrue(alone < 0.2, "one thread worked alone: " + alone);
    }

    @Test
    void overlapOfIntervalsIsComputedExactly() {
        // [0,10] and [5,20]: two at once from 5 to 10, out of 20
        assertEquals(0.25, Contention.overlap(new long[] {0, 5}, new long[] {10, 20}), 1e-9);
        // one after another
        assertEquals(0.0, Contention.overlap(new long[] {0, 10}, new long[] {10, 20}), 1e-9);
    }

    @Test
    void anExceptionNamesTheThreadAndWhatItThrew() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> Contention.threads(4).named("worker-").run(i -> {
                    if (i == 2) {
                        withdraw();
                    }
                }));

        String message = failure.getMessage();
        assertTrue(message.startsWith("thread worker-2 threw java.lang.IllegalStateException: balance went negative\n"),
                message);
        assertTrue(message.contains(ContentionTest.class.getName() + ".withdraw(ContentionTest.java:"), message);
        assertInstanceOf(IllegalStateException.class, failure.getCause());
    }

    @Test
    void aFailedAssertionInAThreadKeepsItsMessage() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> Contention.threads(3).named("checker-").run(i -> {
                    if (i == 1) {
                        assertEquals(1000, 999, "final balance");
                    }
                }));

        assertEquals("in thread checker-1: final balance ==> expected: <1000> but was: <999>", failure.getMessage());
    }

    @Test
    void aDeadlockInTheBodyFailsAtOnceWithTheCycle() {
        Fork fork = new Fork();
        Knife knife = new Knife();
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);

        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> Contention.threads(2).named("diner-").timeout(Duration.ofSeconds(90)).run(i -> {
                    Object first = i == 0 ? fork : knife;
                    Object second = i == 0 ? knife : fork;
                    synchronized (first) {
                        bothHoldOne.await();
                        synchronized (second) { second.hashCode(); }
                    }
                }));

        // Not the time-out's "Waited ...": the cycle, long before the 90 s are up.
        String message = failure.getMessage();
        assertTrue(message.startsWith("Deadlock: "), message);
        assertTrue(message.contains("\"diner-0\" at ContentionTest.java:"), message);
        assertTrue(message.contains("\"diner-1\" at ContentionTest.java:"), message);
        assertTrue(message.contains("waits for Knife@" + hash(knife) + ", held by \"diner-1\""), message);
        assertTrue(message.contains("waits for Fork@" + hash(fork) + ", held by \"diner-0\""), message);
        assertTrue(message.contains("Take locks in one global order"), message);
    }

    @Test
    void aDeadlockBetweenVirtualThreadsOnReentrantLocksFailsAtOnce() {
        ReentrantLock from = new ReentrantLock();
        ReentrantLock to = new ReentrantLock();
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);
        List<Thread> stuck = Collections.synchronizedList(new ArrayList<>());

        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> Contention.threads(2).virtual().named("transfer-").timeout(Duration.ofSeconds(90)).run(i -> {
                    stuck.add(Thread.currentThread());
                    ReentrantLock first = i == 0 ? from : to;
                    ReentrantLock second = i == 0 ? to : from;
                    first.lock();
                    try {
                        bothHoldOne.await();
                        second.lockInterruptibly();
                        second.unlock();
                    } finally {
                        first.unlock();
                    }
                }));
        stuck.forEach(Thread::interrupt);

        String message = failure.getMessage();
        assertTrue(message.startsWith("Deadlock: "), message);
        assertTrue(message.contains("\"transfer-0\" (virtual) at ContentionTest.java:"), message);
        assertTrue(message.contains("\"transfer-1\" (virtual) at ContentionTest.java:"), message);
        assertTrue(message.contains("waits for ReentrantLock@"), message);
    }

    @Test
    void aBodyThatNeverEndsTimesOutWithWhatTheThreadsWereDoing() {
        CountDownLatch never = new CountDownLatch(1);
        try {
            AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                    () -> Contention.threads(2).named("sleeper-").timeout(Duration.ofMillis(300)).run(i -> never.await()));

            assertTrue(failure.getMessage().startsWith(
                    "Waited 300 ms for the threads to finish (sleeper-0, sleeper-1), in vain."), failure.getMessage());
        } finally {
            never.countDown();
        }
    }

    @Test
    void atLeastOneThread() {
        assertThrows(IllegalArgumentException.class, () -> Contention.threads(0));
    }

    private static void withdraw() {
        throw new IllegalStateException("balance went negative");
    }

    private static String hash(Object o) {
        return Integer.toHexString(System.identityHashCode(o));
    }
}
