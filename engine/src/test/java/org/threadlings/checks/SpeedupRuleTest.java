package org.threadlings.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.threadlings.checks.SpeedupRule.Judgement;
import org.threadlings.checks.SpeedupRule.Status;

class SpeedupRuleTest {

    private static final SpeedupRule RULE = SpeedupRule.DEFAULT;

    private static Judgement judge(long baselineMs, long referenceMs, long candidateMs, int cores) {
        return RULE.judge(Duration.ofMillis(baselineMs), Duration.ofMillis(referenceMs), Duration.ofMillis(candidateMs),
                cores);
    }

    @Test
    void theDefaultAsksForHalfTheReferencesGainAndAReferenceOfAtLeast1point3() {
        assertEquals(new SpeedupRule(0.5, 1.3), SpeedupRule.DEFAULT);
    }

    @Test
    void aCandidateWithMostOfTheReferencesGainPasses() {
        Judgement j = judge(1000, 500, 600, 2);

        assertEquals(Status.PASS, j.status());
        assertEquals(1000.0 / 600, j.candidateSpeedup(), 1e-9);
        assertEquals(2.0, j.referenceSpeedup(), 1e-9);
        assertEquals(1.5, j.required(), 1e-9);
        assertEquals("measured 1.67×, required 1.50×", j.reason());
    }

    @Test
    void shortOfTheBarButNotClearlySlowIsNoVerdict() {
        // Seen on a quiet, shared machine: a correct solution at 1.42x against 1.45x.
        Judgement j = judge(1000, 529, 704, 2);

        assertEquals(Status.INCONCLUSIVE, j.status(), j.reason());
        assertTrue(j.reason().startsWith("measured 1.42×, required 1.45×: short of the bar"), j.reason());
    }

    @Test
    void shortOfTheBarAndBelowHalfTheRequiredGainFails() {
        // Reference 1.89x: required 1.45x, a failure below 1.22x.
        assertEquals(1 + 0.25 * (1000.0 / 529 - 1), SpeedupRule.DEFAULT.failsBelow(1000.0 / 529), 1e-12);
        assertEquals(Status.INCONCLUSIVE, judge(1000, 529, 800, 2).status()); // 1.25x
        assertEquals(Status.FAIL, judge(1000, 529, 833, 2).status());         // 1.20x
        assertEquals(Status.FAIL, judge(1000, 529, 1000, 2).status());
    }

    @Test
    void aCorrectSolutionSeenAt1point20AgainstABarOf1point33IsNoVerdict() {
        Judgement j = judge(670, 404, 558, 2); // reference 1.66x

        assertEquals(Status.INCONCLUSIVE, j.status(), j.reason());
    }

    @Test
    void aCandidateFasterThanTheReferencePasses() {
        assertEquals(Status.PASS, judge(1000, 500, 400, 2).status());
    }

    @Test
    void aSequentialCandidateFails() {
        Judgement j = judge(1000, 500, 1000, 2);

        assertEquals(Status.FAIL, j.status());
        assertEquals(1.0, j.candidateSpeedup(), 1e-9);
        assertEquals("measured 1.00×, required 1.50×", j.reason());
    }

    @Test
    void exactlyTheRequiredSpeedupPasses() {
        // 1500/500 = 3 and 1500/750 = 2 exactly: required 1 + 0.5 × (3 − 1) = 2.
        Judgement atTheBar = judge(1500, 500, 750, 2);
        Judgement justBelow = judge(1500, 500, 751, 2);

        assertEquals(2.0, atTheBar.required());
        assertEquals(2.0, atTheBar.candidateSpeedup());
        assertEquals(Status.PASS, atTheBar.status());
        assertEquals(Status.INCONCLUSIVE, justBelow.status(), "short of the bar, but not clearly slow");
    }

    @Test
    void aReferenceBelowTheMinimumIsInconclusive() {
        Judgement j = judge(1000, 800, 500, 2);

        assertEquals(Status.INCONCLUSIVE, j.status(), "however fast the candidate");
        assertEquals(1.25, j.referenceSpeedup(), 1e-9);
        assertTrue(j.reason().startsWith("even the parallel reference reached only 1.25× (at least 1.30× is needed"),
                j.reason());
    }

    @Test
    void aReferenceExactlyAtTheMinimumIsEnough() {
        // 1300/1000 is the double nearest 1.3, the same as the literal.
        Judgement j = judge(1300, 1000, 1000, 2);

        assertEquals(Status.PASS, j.status());
        assertEquals(1.15, j.required(), 1e-9);
    }

    @Test
    void aReferenceSlowerThanTheBaselineIsInconclusive() {
        assertEquals(Status.INCONCLUSIVE, judge(1000, 1200, 1000, 2).status());
    }

    @Test
    void oneCoreIsInconclusiveWhateverTheTimes() {
        Judgement j = judge(1000, 250, 250, 1);

        assertEquals(Status.INCONCLUSIVE, j.status());
        assertEquals("this machine gives Java only one core, so no speed-up is possible here", j.reason());
        assertEquals(4.0, j.candidateSpeedup(), 1e-9, "the figures are still reported");
    }

    @ParameterizedTest(name = "reference {0} ms of 1000 → required {1}")
    @CsvSource({
            "500, 1.5",
            "250, 2.5",
            "125, 4.5",
            "700, 1.2142857142857142",
            "1000, 1.0",
    })
    void theBarIsOnePlusHalfTheReferencesGain(long referenceMs, double required) {
        Judgement j = judge(1000, referenceMs, 1000, 4);

        assertEquals(1 + 0.5 * (j.referenceSpeedup() - 1), j.required(), 1e-12);
        assertEquals(required, j.required(), 1e-9);
    }

    @Test
    void aStricterRuleRaisesBothBars() {
        SpeedupRule strict = new SpeedupRule(0.8, 1.5);

        Judgement j = strict.judge(Duration.ofMillis(1000), Duration.ofMillis(500), Duration.ofMillis(900), 2);
        Judgement weak = strict.judge(Duration.ofMillis(1000), Duration.ofMillis(700), Duration.ofMillis(500), 2);

        assertEquals(1.8, j.required(), 1e-9);
        assertEquals(Status.FAIL, j.status());
        assertEquals(Status.INCONCLUSIVE, weak.status());
    }

    @Test
    void aFailureMayNeedMoreOfTheReferenceThanAPass() {
        // Passes from 1.4x, fails only from 1.6x: the split-primes rule.
        SpeedupRule rule = new SpeedupRule(0.4, 1.4, 1.6);

        Judgement fast = rule.judge(Duration.ofMillis(1500), Duration.ofMillis(1000), Duration.ofMillis(1000), 2);
        Judgement idleCore = rule.judge(Duration.ofMillis(1500), Duration.ofMillis(1000), Duration.ofMillis(1500), 2);
        Judgement idleCoreRoomy = rule.judge(Duration.ofMillis(1700), Duration.ofMillis(1000), Duration.ofMillis(1700), 2);
        Judgement tooLittle = rule.judge(Duration.ofMillis(1300), Duration.ofMillis(1000), Duration.ofMillis(800), 2);

        assertEquals(Status.PASS, fast.status(), "1.5x against a bar of 1.2x, the reference at 1.5x");
        assertEquals(Status.INCONCLUSIVE, idleCore.status(), "1.0x, but the reference at 1.5x is below 1.6x");
        assertTrue(idleCore.reason().startsWith("measured 1.00×, required 1.20×, but the parallel reference reached "
                + "only 1.50×, and at least 1.60× is needed before code is called too slow"), idleCore.reason());
        assertEquals(Status.FAIL, idleCoreRoomy.status(), "1.0x with the reference at 1.7x");
        assertEquals(Status.INCONCLUSIVE, tooLittle.status(), "below 1.4x no verdict at all, however fast");
    }

    @Test
    void twoFloorsDefaultToOne() {
        assertEquals(new SpeedupRule(0.5, 1.3, 1.3), new SpeedupRule(0.5, 1.3));
    }

    @Test
    void aFailureCannotNeedLessThanAnyVerdict() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SpeedupRule(0.5, 1.3, 1.2));
        assertTrue(e.getMessage().contains("1.2"), e.getMessage());
    }

    @Test
    void aZeroDurationDoesNotDivideByZero() {
        Judgement j = RULE.judge(Duration.ofMillis(1), Duration.ZERO, Duration.ZERO, 2);

        assertEquals(Status.PASS, j.status());
        assertTrue(Double.isFinite(j.candidateSpeedup()));
    }
}
