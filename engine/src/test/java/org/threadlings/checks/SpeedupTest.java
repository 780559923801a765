package org.threadlings.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.threadlings.checks.SpeedupRule.Judgement;
import org.threadlings.checks.SpeedupRule.Status;
import org.threadlings.verdict.Measurement;

/**
 * End to end with sleeping workloads: a sleep never ends early, and the best of a few rounds
 * is close to the asked-for time even on a busy machine, so a 2:1 ratio holds where computing
 * on 2 busy cores would not.
 */
class SpeedupTest {

    private static final long D = 50;

    @BeforeEach
    void noNotes() {
        CheckReport.takeAll();
    }

    @AfterEach
    void forget() {
        CheckReport.takeAll();
    }

    private static Callable<Object> sleeps(long millis) {
        return () -> {
            Thread.sleep(millis);
            return null;
        };
    }

    /** Takes 2D for its first {@code calls} calls (a disturbed moment), then D. */
    private static Callable<Object> slowForTheFirst(int calls) {
        AtomicInteger made = new AtomicInteger();
        return () -> {
            Thread.sleep(made.incrementAndGet() <= calls ? 2 * D : D);
            return null;
        };
    }

    private static Speedup primes(Callable<?> reference, Callable<?> candidate) {
        return Speedup.of("counting primes").baseline(sleeps(2 * D)).reference(reference).candidate(candidate)
                .warmups(1).rounds(3).advice("Split the range into chunks.");
    }

    private static void assumeSeveralCores() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "one core: every speed-up is inconclusive");
    }

    @Test
    void aCandidateAsFastAsTheReferencePasses() throws Exception {
        assumeSeveralCores();

        Judgement judgement = primes(sleeps(D), sleeps(D)).check();

        assertEquals(Status.PASS, judgement.status());
        CheckReport.Evidence evidence = CheckReport.takeAll();
        Measurement m = evidence.measurement();
        assertNotNull(m);
        assertEquals(judgement.candidateSpeedup(), m.measured());
        assertEquals(judgement.required(), m.required());
        assertEquals("×", m.unit());
        assertTrue(m.higherIsBetter());
        assertTrue(m.met());
        assertEquals(1, evidence.notes().size(), evidence.notes().toString());
        String note = evidence.notes().get(0);
        assertTrue(note.startsWith("counting primes: one thread "), note);
        assertTrue(note.contains(", reference ") && note.contains(", yours "), note);
        assertTrue(note.endsWith("; best of 3 rounds on " + Words.plural(Runtime.getRuntime().availableProcessors(),
                "core", "cores")), note);
    }

    @Test
    void aSequentialCandidateFailsWithMeasuredAndRequired() {
        assumeSeveralCores();

        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> primes(sleeps(D), sleeps(2 * D)).check());

        Measurement m = CheckReport.takeAll().measurement();
        assertNotNull(m);
        assertTrue(!m.met(), m.toString());
        String message = failure.getMessage();
        assertTrue(message.startsWith("Too slow: counting primes took "), message);
        assertTrue(message.contains("a speed-up of " + Words.times(m.measured()) + " where " + Words.times(m.required())
                + " was required"), message);
        assertTrue(message.endsWith(" Split the range into chunks."), message);
    }

    @Test
    void aFailureIsConfirmedByAsManyRoundsAgainSoThatADisturbedStartDoesNotFailCorrectCode() throws Exception {
        assumeSeveralCores();
        // Slow for the warm-up and the first three rounds (a disturbed moment), then as fast as the reference.
        Callable<Object> disturbedAtFirst = slowForTheFirst(4);

        Judgement judgement = primes(sleeps(D), disturbedAtFirst).check();

        assertEquals(Status.PASS, judgement.status());
        String note = CheckReport.takeAll().notes().get(0);
        assertTrue(note.contains("; best of 6 rounds on "), note);
    }

    @Test
    void noVerdictIsGivenBeforeMoreRoundsHadTheirChanceToShowTheReferencesSpeedUp() throws Exception {
        assumeSeveralCores();
        // The reference is held back for the warm-up and the first batch of rounds (a core taken
        // by something else for a moment), then runs at its real speed.
        Callable<Object> referenceDisturbedAtFirst = slowForTheFirst(4);

        Judgement judgement = primes(referenceDisturbedAtFirst, sleeps(D)).check();

        assertEquals(Status.PASS, judgement.status());
        assertTrue(CheckReport.takeAll().notes().get(0).contains("; best of 6 rounds on "));
    }

    @Test
    void aReferenceHeldBackLongerGetsMoreBatchesBeforeThereIsNoVerdict() throws Exception {
        assumeSeveralCores();
        // Held back through the warm-up and three batches, as long as a failure would be confirmed.
        Callable<Object> referenceDisturbedLonger = slowForTheFirst(10);

        Judgement judgement = primes(referenceDisturbedLonger, sleeps(D)).check();

        assertEquals(Status.PASS, judgement.status());
        assertTrue(CheckReport.takeAll().notes().get(0).contains("; best of 12 rounds on "));
    }

    @Test
    void aSequentialCandidateStaysAFailureThroughEveryExtraRound() {
        assumeSeveralCores();
        AtomicInteger candidateRuns = new AtomicInteger();

        assertThrows(AssertionFailedError.class, () -> primes(sleeps(D), () -> {
            candidateRuns.incrementAndGet();
            Thread.sleep(2 * D);
            return null;
        }).check());

        // One warm-up and three batches of three rounds: the failure was confirmed twice.
        assertEquals(1 + 9, candidateRuns.get());
        assertTrue(CheckReport.takeAll().notes().get(0).contains("; best of 9 rounds on "));
    }

    @Test
    void aReferenceNoFasterThanTheBaselineIsInconclusive() {
        assumeSeveralCores();

        Inconclusive inconclusive = assertThrows(Inconclusive.class,
                () -> primes(sleeps(2 * D), sleeps(D)).check());

        assertTrue(inconclusive.getMessage().startsWith("No verdict on the speed-up of counting primes: even the parallel "
                + "reference reached only "), inconclusive.getMessage());
        CheckReport.Evidence evidence = CheckReport.takeAll();
        assertNotNull(evidence.measurement(), "the figures are reported even without a verdict");
        assertEquals(1, evidence.notes().size());
    }

    @Test
    void measureRunsEachWorkloadForEveryWarmUpAndRound() throws Exception {
        AtomicInteger baseline = new AtomicInteger();
        AtomicInteger reference = new AtomicInteger();
        AtomicInteger candidate = new AtomicInteger();

        Speedup.Times times = Speedup.of("counting").warmups(2).rounds(3)
                .baseline(baseline::incrementAndGet)
                .reference(reference::incrementAndGet)
                .candidate(candidate::incrementAndGet)
                .measure();

        assertEquals(List.of(5, 5, 5), List.of(baseline.get(), reference.get(), candidate.get()));
        assertTrue(!times.baseline().isNegative() && !times.reference().isNegative() && !times.candidate().isNegative());
    }

    @Test
    void measureKeepsTheBestTimeOfEach() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        // Slow on the first timed round only: the best time is the quick one.
        Callable<Object> slowOnce = () -> {
            Thread.sleep(calls.getAndIncrement() == 0 ? 300 : 1);
            return null;
        };

        Speedup.Times times = Speedup.of("x").warmups(0).rounds(3)
                .baseline(sleeps(20)).reference(sleeps(20)).candidate(slowOnce).measure();

        assertTrue(times.candidate().compareTo(Duration.ofMillis(300)) < 0, times.toString());
        assertTrue(times.baseline().compareTo(Duration.ofMillis(20)) >= 0, times.toString());
    }

    @Test
    void anExceptionFromAWorkloadPropagates() {
        IllegalStateException boom = new IllegalStateException("pool closed");

        assertSame(boom, assertThrows(IllegalStateException.class, () -> Speedup.of("x").warmups(1).rounds(1)
                .baseline(() -> 1).reference(() -> 1).candidate(() -> {
                    throw boom;
                }).check()));
    }

    @Test
    void everyWorkloadIsRequired() {
        NullPointerException missing = assertThrows(NullPointerException.class,
                () -> Speedup.of("x").reference(() -> 1).candidate(() -> 1).measure());

        assertEquals("baseline", missing.getMessage());
    }
}
