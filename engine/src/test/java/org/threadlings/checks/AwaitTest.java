package org.threadlings.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;
import org.threadlings.diagnosis.DeadlockFixtures;
import org.threadlings.diagnosis.DeadlockFixtures.Fork;
import org.threadlings.diagnosis.DeadlockFixtures.Knife;
import org.threadlings.diagnosis.Frame;
import org.threadlings.diagnosis.ThreadRecord;
import org.threadlings.diagnosis.ThreadSnapshot;

@Timeout(120)
class AwaitTest {

    private String focusBefore;

    @BeforeEach
    void onlyNewDeadlocksCount() {
        focusBefore = System.getProperty(Await.FOCUS_PROPERTY);
        DeadlockFixtures.acknowledgeAll();
    }

    @AfterEach
    void restore() {
        if (focusBefore == null) {
            System.clearProperty(Await.FOCUS_PROPERTY);
        } else {
            System.setProperty(Await.FOCUS_PROPERTY, focusBefore);
        }
        DeadlockFixtures.acknowledgeAll();
    }

    @Test
    void untilReturnsOnceTheConditionHolds() throws InterruptedException {
        AtomicBoolean done = new AtomicBoolean();
        Thread setter = Thread.ofPlatform().daemon().start(() -> {
            sleep(100);
            done.set(true);
        });

        Await.until(done::get, Duration.ofSeconds(60), "the flag");

        assertTrue(done.get());
        setter.join();
    }

    @Test
    void untilReturnsAtOnceWhenTheConditionAlreadyHolds() {
        Await.until(() -> true, Duration.ZERO, "nothing");
    }

    @Test
    void aTimeOutNamesWhatWasAwaitedAndHowLong() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> Await.until(() -> false, Duration.ofMillis(200), "the account to balance"));

        assertTrue(failure.getMessage().startsWith("Waited 200 ms for the account to balance, in vain."),
                failure.getMessage());
    }

    @Test
    void aTimeOutSaysWhatTheThreadsInTheFocusPackagesWereDoing() throws InterruptedException {
        System.setProperty(Await.FOCUS_PROPERTY, "org.threadlings.checks");
        CountDownLatch release = new CountDownLatch(1);
        Thread stuck = Thread.ofPlatform().daemon().name("stuck-teller").start(() -> parkOn(release));
        try {
            AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                    () -> Await.until(() -> false, Duration.ofMillis(300), "the teller"));

            String message = failure.getMessage();
            assertTrue(message.contains("\nWhat the threads were doing:\n"), message);
            assertTrue(message.contains("\"stuck-teller\" WAITING at AwaitTest.java:"), message);
            assertTrue(message.contains(" in org.threadlings.checks.AwaitTest.parkOn"), message);
        } finally {
            release.countDown();
            stuck.join();
        }
    }

    @Test
    void latchWaitsForZero() throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(2);
        Thread counter = Thread.ofPlatform().daemon().start(() -> {
            latch.countDown();
            sleep(50);
            latch.countDown();
        });

        Await.latch(latch, Duration.ofSeconds(60), "two count-downs");

        assertEquals(0, latch.getCount());
        counter.join();
    }

    @Test
    void resultBlocksOnTheFutureItselfSoItSeesTheValueTheMomentItIsThere() throws Exception {
        // A speed-up check times the candidate through this wait: polling on a clock would add
        // up to a poll interval to every run. The future is asked with a timeout, not slept beside.
        AtomicInteger timedGets = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        FutureTask<Integer> task = new FutureTask<>(() -> {
            go.await();
            return 42;
        }) {
            @Override
            public Integer get(long timeout, TimeUnit unit)
                    throws InterruptedException, ExecutionException,
                    TimeoutException {
                timedGets.incrementAndGet();
                go.countDown(); // the value arrives only once someone blocks on it
                return super.get(timeout, unit);
            }
        };
        Thread.ofPlatform().daemon(true).start(task);

        assertEquals(42, Await.result(task, Duration.ofSeconds(10), "the answer"));
        assertTrue(timedGets.get() >= 1, "waited by blocking on the future");
    }

    @Test
    void terminationJoinsTheThreadsRatherThanSleepingBesideThem() {
        CountDownLatch finish = new CountDownLatch(1);
        Thread worker = Thread.ofPlatform().daemon(true).start(() -> {
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.ofPlatform().daemon(true).start(finish::countDown);

        Await.termination(Duration.ofSeconds(10), worker);

        assertFalse(worker.isAlive());
    }

    @Test
    void resultGivesTheValue() throws Exception {
        CompletableFuture<Integer> future = CompletableFuture.supplyAsync(() -> 6 * 7);

        assertEquals(42, Await.result(future, Duration.ofSeconds(60), "the answer"));
    }

    @Test
    void resultRethrowsTheExceptionTheFutureFailedWith() {
        IllegalStateException boom = new IllegalStateException("insufficient funds");

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> Await.result(CompletableFuture.failedFuture(boom), Duration.ofSeconds(60), "the transfer"));

        assertSame(boom, thrown);
    }

    @Test
    void aCheckedExceptionIsRethrownAsItIs() {
        Exception checked = new java.io.IOException("disk full");

        assertSame(checked, assertThrows(java.io.IOException.class,
                () -> Await.result(CompletableFuture.failedFuture(checked), Duration.ofSeconds(60), "the save")));
    }

    @Test
    void anErrorStaysWrapped() {
        ExecutionException thrown = assertThrows(ExecutionException.class, () -> Await.result(
                CompletableFuture.failedFuture(new StackOverflowError()), Duration.ofSeconds(60), "the recursion"));

        assertTrue(thrown.getCause() instanceof StackOverflowError);
    }

    @Test
    void resultTimesOutOnAFutureThatNeverCompletes() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> Await.result(new CompletableFuture<>(), Duration.ofMillis(200), "the reply"));

        assertTrue(failure.getMessage().startsWith("Waited 200 ms for the reply, in vain."), failure.getMessage());
    }

    @Test
    void terminationReturnsWhenAllThreadsHaveFinished() {
        Thread a = Thread.ofPlatform().daemon().start(() -> sleep(50));
        Thread b = Thread.ofVirtual().start(() -> sleep(100));

        Await.termination(Duration.ofSeconds(60), a, b);

        assertTrue(!a.isAlive() && !b.isAlive());
    }

    @Test
    void terminationNamesTheThreadsStillRunningWhenTimeRunsOut() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        Thread done = Thread.ofPlatform().daemon().name("finished-early").start(() -> { });
        done.join();
        Thread slow = Thread.ofPlatform().daemon().name("never-finishes").start(() -> parkOn(release));
        try {
            AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                    () -> Await.termination(Duration.ofMillis(200), done, slow));

            assertTrue(failure.getMessage().startsWith("Waited 200 ms for the threads to finish (never-finishes), in vain."),
                    failure.getMessage());
        } finally {
            release.countDown();
            slow.join();
        }
    }

    @Test
    void terminationFailsFastOnADeadlockAmongTheAwaitedThreads() {
        Fork fork = new Fork();
        Knife knife = new Knife();
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);
        Thread left = Thread.ofPlatform().daemon().name("left-hand").start(() -> grab(fork, knife, bothHoldOne));
        Thread right = Thread.ofPlatform().daemon().name("right-hand").start(() -> grab(knife, fork, bothHoldOne));

        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> Await.termination(Duration.ofSeconds(90), left, right));

        String message = failure.getMessage();
        assertTrue(message.startsWith("Deadlock: these threads wait for each other and none can ever continue.\n"),
                message);
        assertTrue(message.contains("\"left-hand\" at AwaitTest.java:"), message);
        assertTrue(message.contains("waits for Knife@"
                + Integer.toHexString(System.identityHashCode(knife)) + ", held by \"right-hand\""), message);
        assertTrue(message.contains("waits for Fork@"
                + Integer.toHexString(System.identityHashCode(fork)) + ", held by \"left-hand\""), message);
    }

    @Test
    void aReportedDeadlockIsNotReportedAgain() {
        Fork fork = new Fork();
        Knife knife = new Knife();
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);
        Thread left = Thread.ofVirtual().name("again-left").start(() -> grab(fork, knife, bothHoldOne));
        Thread right = Thread.ofVirtual().name("again-right").start(() -> grab(knife, fork, bothHoldOne));
        AssertionFailedError first = assertThrows(AssertionFailedError.class,
                () -> Await.termination(Duration.ofSeconds(90), left, right));
        assertTrue(first.getMessage().startsWith("Deadlock: "), first.getMessage());

        // The same threads stay stuck; a second wait now runs out of time instead.
        AssertionFailedError second = assertThrows(AssertionFailedError.class,
                () -> Await.termination(Duration.ofMillis(600), left, right));

        assertTrue(second.getMessage().startsWith("Waited 600 ms for the threads to finish"), second.getMessage());
    }

    @Test
    void interestingPackagesAreTheAnnouncedOnes() {
        System.setProperty(Await.FOCUS_PROPERTY, "org.example.races,org.threadlings.lessons");

        assertEquals(Set.of("org.example.races", "org.threadlings.lessons"),
                Await.interestingPackages(new ThreadSnapshot(List.of())));
    }

    @Test
    void withoutAnnouncementInterestingPackagesAreThoseOnStacksOutsideJdkJunitAndEngine() {
        System.clearProperty(Await.FOCUS_PROPERTY);
        ThreadRecord thread = new ThreadRecord(1_000_000, "w", false, true, "RUNNABLE", List.of(
                new Frame("java.lang.Thread", "sleep0", null, -1),
                new Frame("org.example.races.Counter", "increment", "Counter.java", 3),
                new Frame("org.threadlings.checks.Contention", "run", "Contention.java", 3),
                new Frame("org.junit.platform.Launcher", "execute", "Launcher.java", 3),
                new Frame("Main", "main", "Main.java", 3)), null, -1, List.of());

        assertEquals(Set.of("org.example.races"), Await.interestingPackages(new ThreadSnapshot(List.of(thread))));
    }

    private static void grab(Object first, Object second, CyclicBarrier bothHoldOne) {
        synchronized (first) {
            try {
                bothHoldOne.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            synchronized (second) { second.hashCode(); }
        }
    }

    private static void parkOn(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
