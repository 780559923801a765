package org.threadlings.checks;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.threadlings.diagnosis.Lock;
import org.threadlings.diagnosis.ThreadRecord;

class SlownessTest {

    @Test
    void workThatKeepsMovingWhenTimeRunsOutIsTooSlowNotHung() throws Exception {
        AtomicLong done = new AtomicLong();
        CountDownLatch stop = new CountDownLatch(1);
        Thread worker = Thread.ofPlatform().daemon().start(() -> {
            while (stop.getCount() > 0) {
                done.incrementAndGet();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try {
            AssertionFailedError slow = assertThrows(AssertionFailedError.class, () -> Await.termination(
                    Duration.ofMillis(600), new Progress(done::get, 1_000_000, "increments"), worker));

            assertTrue(slow.getMessage().startsWith("Correct so far, but too slow: the threads had done "), slow.getMessage());
            assertTrue(slow.getMessage().contains("of 1,000,000 increments when time ran out, and were still going at "),
                    slow.getMessage());
            assertTrue(slow.getMessage().contains("Nothing is stuck and nothing was wrong so far."), slow.getMessage());
        } finally {
            stop.countDown();
        }
    }

    @Test
    void workThatStandsStillIsStuckAndSaidSoBeforeTheTimeout() {
        CountDownLatch never = new CountDownLatch(1);
        Thread stuck = Thread.ofPlatform().daemon().start(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            AssertionFailedError hung = assertThrows(AssertionFailedError.class, () -> Await.termination(
                    Duration.ofSeconds(60), new Progress(() -> 42, 100, "items"), stuck));

            assertTrue(hung.getMessage().contains("(no progress at all for the last 3.00 s, at 42 of 100 items)"),
                    hung.getMessage());
            assertTrue(hung.getMessage().endsWith(", in vain.") || hung.getMessage().contains(", in vain.\n"),
                    hung.getMessage());
        } finally {
            never.countDown();
        }
    }

    @Test
    void aFairLockIsNamedAsTheLikelyCause() {
        ThreadRecord queued = new ThreadRecord(7, "incrementer-3", false, true, "WAITING", List.of(),
                new Lock("java.util.concurrent.locks.ReentrantLock$FairSync@1b6d3586"), 8, List.of());

        assertTrue(Slowness.likelyCause(List.of(queued)).startsWith("Likely cause: a fair lock (1 thread queued on it)"));
    }

    @Test
    void aLockHeldWhileSleepingIsNamedAsTheLikelyCause() {
        ThreadRecord sleeper = new ThreadRecord(7, "worker-0", false, true, "TIMED_WAITING", List.of(), null, -1,
                List.of(new Lock("java.lang.Object@1b6d3586")));

        assertTrue(Slowness.likelyCause(List.of(sleeper)).startsWith("Likely cause: a lock held around slow work"));
    }
}
