package org.threadlings.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class StressTest {

    private static final String SEED = "threadlings.seed";
    private static final Pattern REPLAY = Pattern.compile("replay with -Dthreadlings\\.seed=(-?\\d+)\\]$");

    private String seedBefore;

    @BeforeEach
    void noSeedAndNoNotes() {
        seedBefore = System.getProperty(SEED);
        System.clearProperty(SEED);
        CheckReport.takeAll();
    }

    @AfterEach
    void restoreSeed() {
        if (seedBefore == null) {
            System.clearProperty(SEED);
        } else {
            System.setProperty(SEED, seedBefore);
        }
        CheckReport.takeAll();
    }

    @Test
    void runsAtLeastTheMinimumWhateverTheTimeBudget() {
        AtomicInteger calls = new AtomicInteger();

        int ran = Stress.trials().atLeast(4).atMost(100).within(Duration.ZERO).run(t -> calls.incrementAndGet());

        assertEquals(4, ran);
        assertEquals(4, calls.get());
    }

    @Test
    void runsAtMostTheMaximumWhateverTimeIsLeft() {
        AtomicInteger calls = new AtomicInteger();

        int ran = Stress.trials().atLeast(1).atMost(7).within(Duration.ofMinutes(5)).run(t -> calls.incrementAndGet());

        assertEquals(7, ran);
        assertEquals(7, calls.get());
    }

    @Test
    void trialsAreNumberedFromOne() {
        List<Integer> numbers = new ArrayList<>();

        Stress.trials().atLeast(3).atMost(3).run(t -> numbers.add(t.number()));

        assertEquals(List.of(1, 2, 3), numbers);
    }

    @Test
    void betweenStaysWithinBothBoundsAndReachesThem() {
        boolean[] seen = new boolean[4];

        Stress.trials().atLeast(200).atMost(200).run(t -> {
            int n = t.between(2, 5);
            assertTrue(n >= 2 && n <= 5, "out of range: " + n);
            seen[n - 2] = true;
        });

        assertTrue(seen[0] && seen[1] && seen[2] && seen[3], "both ends and the middle come up in 200 draws");
    }

    @Test
    void stopsAtTheFirstFailingTrialAndNamesItsNumberDescriptionAndSeed() {
        AtomicInteger calls = new AtomicInteger();

        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> Stress.trials().atLeast(10).atMost(10).run(t -> {
                    calls.incrementAndGet();
                    t.describe("3 threads × 1,000 increments");
                    if (t.number() == 3) {
                        assertEquals(3000, 2987, "count");
                    }
                }));

        assertEquals(3, calls.get(), "no trial after the failing one");
        String message = failure.getMessage();
        assertTrue(message.startsWith("count ==> expected: <3000> but was: <2987>\n"), message);
        assertTrue(message.contains("[trial 3 (3 threads × 1,000 increments); replay with -Dthreadlings.seed="), message);
        assertTrue(REPLAY.matcher(message).find(), message);
        assertInstanceOf(AssertionError.class, failure.getCause());
    }

    @Test
    void aTrialWithoutDescriptionIsNamedByNumberOnly() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> Stress.trials().run(t -> {
                    throw new AssertionError("wrong");
                }));

        assertTrue(failure.getMessage().contains("\n[trial 1; replay with"), failure.getMessage());
    }

    @Test
    void theSeedInTheMessageReplaysTheSameSizes() {
        List<Integer> firstRun = new ArrayList<>();
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> Stress.trials().atLeast(5).atMost(5).run(t -> {
                    firstRun.add(t.between(1, 1_000_000_000));
                    if (t.number() == 5) {
                        throw new AssertionError("lost an update");
                    }
                }));
        Matcher seed = REPLAY.matcher(failure.getMessage());
        assertTrue(seed.find(), failure.getMessage());

        System.setProperty(SEED, seed.group(1));
        List<Integer> replay = new ArrayList<>();
        AssertionFailedError again = assertThrows(AssertionFailedError.class,
                () -> Stress.trials().atLeast(5).atMost(5).run(t -> {
                    replay.add(t.between(1, 1_000_000_000));
                    if (t.number() == 5) {
                        throw new AssertionError("lost an update");
                    }
                }));

        assertEquals(firstRun, replay);
        assertTrue(again.getMessage().endsWith("-Dthreadlings.seed=" + seed.group(1) + "]"), again.getMessage());
    }

    @Test
    void aFixedSeedGivesTheSameSequenceEveryTimeAndAnotherSeedAnother() {
        System.setProperty(SEED, "42");
        List<Integer> one = sizes();
        List<Integer> two = sizes();
        System.setProperty(SEED, "43");
        List<Integer> other = sizes();

        assertEquals(one, two);
        assertTrue(!one.equals(other), one + " " + other);
    }

    @Test
    void anExceptionFromTheBodyIsReportedWithItsFrames() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> Stress.trials().run(t -> {
                    t.describe("empty queue");
                    throw fromStudentCode(new NoSuchElementException("queue is empty"));
                }));

        String message = failure.getMessage();
        // The student's frame first, then the check's; none of the toolkit's or JUnit's.
        assertTrue(message.startsWith("""
                your code threw java.util.NoSuchElementException: queue is empty
                  at races.Queue.take(Queue.java:7)
                  at races.checks.QueueCheck.lambda$drains$0(QueueCheck.java:21)
                """), message);
        assertFalse(message.contains("org.threadlings.") || message.contains("org.junit."), message);
        assertTrue(message.contains("[trial 1 (empty queue); replay with"), message);
        assertInstanceOf(NoSuchElementException.class, failure.getCause());
    }

    /** As if thrown in a student's class and called from a check, both outside this toolkit. */
    private static RuntimeException fromStudentCode(RuntimeException e) {
        StackTraceElement[] here = e.getStackTrace();
        StackTraceElement[] stack = new StackTraceElement[here.length + 2];
        stack[0] = new StackTraceElement("races.Queue", "take", "Queue.java", 7);
        stack[1] = new StackTraceElement("races.checks.QueueCheck", "lambda$drains$0", "QueueCheck.java", 21);
        System.arraycopy(here, 0, stack, 2, here.length);
        e.setStackTrace(stack);
        return e;
    }

    @Test
    void passingTrialsLeaveANote() {
        Stress.trials().atLeast(6).atMost(6).run(t -> { });

        CheckReport.Evidence evidence = CheckReport.takeAll();

        assertEquals(1, evidence.notes().size(), evidence.notes().toString());
        assertTrue(evidence.notes().get(0).startsWith("passed 6 trials in "), evidence.notes().toString());
        assertEquals(null, evidence.measurement());
    }

    @Test
    void oneTrialIsSingular() {
        Stress.trials().atLeast(1).atMost(1).run(t -> { });

        assertTrue(CheckReport.takeAll().notes().get(0).startsWith("passed 1 trial in "));
    }

    @Test
    void aFailureLeavesNoPassNote() {
        assertThrows(AssertionFailedError.class, () -> Stress.trials().run(t -> {
            throw new AssertionError("no");
        }));

        assertEquals(List.of(), CheckReport.takeAll().notes());
    }

    @Test
    void trialsWhoseCanaryLostNothingProveNothingAndTheReasonSaysWhatWasSeen() {
        Inconclusive none = assertThrows(Inconclusive.class, () -> Stress.trials().atLeast(4).atMost(4).informative(2)
                .run(t -> t.raced(0)));

        assertTrue(none.getMessage().startsWith("No verdict: your code gave exact results in 4 trials"), none.getMessage());
        assertTrue(none.getMessage().contains("none of them could have shown a race (2 needed): in the others, a racy control "
                + "counter doing the same work lost no update"), none.getMessage());
        // No empty brackets where a description was missing; availableProcessors() is fine.
        assertFalse(Pattern.compile("[^A-Za-z]\\(\\)").matcher(none.getMessage()).find(), none.getMessage());
    }

    @Test
    void aBusyMomentGetsTrialsPastTheBudgetInTheHopeOfEvidence() {
        AtomicInteger calls = new AtomicInteger();

        assertThrows(Inconclusive.class, () -> Stress.trials().atLeast(3).atMost(1_000).informative(1)
                .within(Duration.ofMillis(50)).run(t -> {
                    pauseOnce(t, 60);
                    calls.incrementAndGet();
                    t.uninformative("the threads took turns on one core");
                }));

        assertTrue(calls.get() > 3, "ran " + calls.get());
    }

    @Test
    void codeThatKeepsItsThreadsApartGetsNoTrialsPastTheBudget() {
        AtomicInteger calls = new AtomicInteger();

        Inconclusive apart = assertThrows(Inconclusive.class, () -> Stress.trials().atLeast(3).atMost(1_000)
                .informative(1).within(Duration.ofMillis(50)).run(t -> {
                    pauseOnce(t, 60);
                    calls.incrementAndGet();
                    t.apart("the threads never worked at the same time");
                }));

        assertEquals(Stress.APART_TRIALS, calls.get());
        assertTrue(apart.getMessage().contains("in the others, the threads never worked at the same time"),
                apart.getMessage());
    }

    /** The first trial outlasts the budget (but not three times it), so only the extension can add trials. */
    private static void pauseOnce(Stress.Trial trial, long millis) throws InterruptedException {
        if (trial.number() == 1) {
            Thread.sleep(millis);
        }
    }

    @Test
    void tooLittleCanaryLossInAllIsInconclusiveWithTheCounts() {
        Inconclusive weak = assertThrows(Inconclusive.class, () -> Stress.trials().atLeast(3).atMost(3).informative(2)
                .evidence(5_000).run(t -> t.raced(12)));

        assertTrue(weak.getMessage().contains("lost only 36 updates in all (5,000 needed)"), weak.getMessage());
    }

    @Test
    void enoughCanaryLossGivesAPassWhoseNoteSaysHowStrongTheEvidenceWas() {
        Stress.trials().atLeast(3).atMost(3).informative(2).evidence(5_000).run(t -> t.raced(t.number() == 1 ? 0 : 4_000));

        String note = CheckReport.takeAll().notes().get(0);
        assertTrue(note.startsWith("passed 3 trials (2 of them informative)"), note);
        assertTrue(note.contains("a racy control counter doing the same work lost 8,000 updates, in 2 of 3 trials"), note);
    }

    @Test
    void theCanaryNeverReportsMoreLossesThanPokes() {
        long lost = RaceCanary.race(2, 100_000);

        assertTrue(lost >= 0 && lost <= 200_000, "lost " + lost);
    }

    @Test
    void aCanaryPokedByOneThreadLosesNothing() {
        RaceCanary canary = new RaceCanary();
        for (int k = 0; k < 1_000; k++) {
            canary.poke();
        }

        assertEquals(0, canary.lost(1_000));
    }

    private static List<Integer> sizes() {
        List<Integer> sizes = new ArrayList<>();
        Stress.trials().atLeast(10).atMost(10).run(t -> sizes.add(t.between(1, 1_000_000_000)));
        return sizes;
    }
}
