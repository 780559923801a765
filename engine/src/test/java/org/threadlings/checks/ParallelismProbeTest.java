package org.threadlings.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;

/**
 * Tasks run one at a time wait out the patience, so those probes get a short one; where tasks
 * can meet, a long patience costs nothing, since they stop waiting as soon as they meet.
 */
@Timeout(120)
class ParallelismProbeTest {

    private static final Duration SHORT = Duration.ofMillis(30);
    private static final Duration LONG = Duration.ofSeconds(30);

    private final List<ExecutorService> pools = new ArrayList<>();

    @BeforeEach
    void noNotes() {
        CheckReport.takeAll();
    }

    @AfterEach
    void shutDown() throws InterruptedException {
        CheckReport.takeAll();
        for (ExecutorService pool : pools) {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
    }

    private ExecutorService keep(ExecutorService pool) {
        pools.add(pool);
        return pool;
    }

    private static void runAll(ExecutorService pool, ParallelismProbe probe, int tasks) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            futures.add(pool.submit(probe.wrap(() -> { })));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void tasksRunOneAtATimeStopWaitingOnceEnoughHaveWaitedAlone() throws Exception {
        ExecutorService single = keep(Executors.newSingleThreadExecutor());
        ParallelismProbe probe = ParallelismProbe.expecting(2).patience(Duration.ofSeconds(2)).giveUpAfter(1);

        long start = System.nanoTime();
        runAll(single, probe, 12);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // One wait of 2 s, not twelve (24 s): the eleven tasks after it went on at once.
        assertTrue(took.compareTo(Duration.ofSeconds(2)) >= 0, "took " + took);
        assertTrue(took.compareTo(Duration.ofSeconds(12)) < 0, "took " + took);
        assertEquals(12, probe.tasksRun());
        assertEquals(1, probe.peakInFlight());
    }

    @Test
    void givingUpOnWaitingAloneStillLetsTasksThatCanMeetMeet() throws Exception {
        ExecutorService two = keep(Executors.newFixedThreadPool(2));
        ParallelismProbe probe = ParallelismProbe.expecting(2).patience(LONG).giveUpAfter(1);

        runAll(two, probe, 8);

        assertEquals(2, probe.peakInFlight());
        probe.assertConcurrent(2, "unused");
    }

    @Test
    void aSingleThreadExecutorRunsOneAtATimeOnOneThread() throws Exception {
        ExecutorService single = keep(Executors.newSingleThreadExecutor());
        ParallelismProbe probe = ParallelismProbe.expecting(2).patience(SHORT);

        runAll(single, probe, 4);

        assertEquals(1, probe.peakInFlight());
        assertEquals(1, probe.distinctThreads());
        assertEquals(4, probe.tasksRun());
        assertFalse(probe.callerRanTasks());
        String worker = single.submit(() -> Thread.currentThread().getName()).get(60, TimeUnit.SECONDS);
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> probe.assertConcurrent(2, "Use a pool with more than one thread."));
        assertEquals("Expected at least 2 tasks running at the same time; all 4 tasks ran on one thread ("
                + worker + "). Use a pool with more than one thread.", failure.getMessage());
    }

    @Test
    void aPoolOfTwoRunsTwoAtOnce() throws Exception {
        ParallelismProbe probe = ParallelismProbe.expecting(2).patience(LONG);

        runAll(keep(Executors.newFixedThreadPool(2)), probe, 6);

        assertEquals(2, probe.peakInFlight());
        assertEquals(2, probe.distinctThreads());
        assertEquals(6, probe.tasksRun());
        probe.assertConcurrent(2, "unused");
        assertEquals(List.of("2 threads ran 6 tasks; at most 2 at once"), CheckReport.takeAll().notes());
    }

    @Test
    void aPoolOfFourRunsFourAtOnceEvenOnFewerCores() throws Exception {
        ParallelismProbe probe = ParallelismProbe.expecting(4).patience(LONG);

        runAll(keep(Executors.newFixedThreadPool(4)), probe, 8);

        assertEquals(4, probe.peakInFlight());
        assertEquals(4, probe.distinctThreads());
        probe.assertConcurrent(4, "unused");
    }

    @Test
    void virtualThreadsMeetToo() throws Exception {
        ParallelismProbe probe = ParallelismProbe.expecting(3).patience(LONG);

        runAll(keep(Executors.newVirtualThreadPerTaskExecutor()), probe, 3);

        assertEquals(3, probe.peakInFlight());
        assertEquals(3, probe.distinctThreads());
    }

    @Test
    void submittingAndAwaitingEachTaskInTurnRunsOneAtATime() throws Exception {
        ExecutorService pool = keep(Executors.newFixedThreadPool(2));
        ParallelismProbe probe = ParallelismProbe.expecting(2).patience(SHORT);

        for (int i = 0; i < 3; i++) {
            pool.submit(probe.wrap(() -> { })).get(60, TimeUnit.SECONDS);
        }

        assertEquals(1, probe.peakInFlight());
        // The pool starts a new thread per task until it has two, so the tasks did use both.
        assertEquals(2, probe.distinctThreads());
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> probe.assertConcurrent(2, "Submit every task first, then wait for the results."));
        assertEquals("Expected at least 2 tasks running at the same time; 3 tasks ran on 2 threads, but never more "
                + "than 1 at the same time. Submit every task first, then wait for the results.", failure.getMessage());
    }

    @Test
    void tasksRunByTheCallingThreadAreNoticed() throws Exception {
        ParallelismProbe probe = ParallelismProbe.expecting(1);

        probe.wrap(() -> { }).run();
        int answer = probe.wrap(() -> 42).call();

        assertEquals(42, answer);
        assertTrue(probe.callerRanTasks());
        assertEquals(1, probe.distinctThreads());
        assertEquals(2, probe.tasksRun());
    }

    @Test
    void aTaskThatThrowsLeavesTheFlightCountRight() throws Exception {
        ParallelismProbe probe = ParallelismProbe.expecting(1);

        assertThrows(IllegalStateException.class, () -> probe.wrap(() -> {
            throw new IllegalStateException("boom");
        }).call());
        probe.wrap(() -> { }).run();

        assertEquals(1, probe.peakInFlight(), "the failed task is no longer in flight");
        assertEquals(2, probe.tasksRun());
    }
}
