package org.threadlings.checks.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.threadlings.checks.work.Primes.Range;

class PrimesTest {

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 0", "2, 0", "3, 1", "10, 4", "100, 25", "1000, 168", "10000, 1229",
            "100000, 9592", "1000000, 78498"})
    void theSieveKnowsHowManyPrimesLieBelowPowersOfTen(int below, int primes) {
        assertEquals(primes, Primes.countBySieve(below));
    }

    @Test
    void trialDivisionAgreesWithTheSieveOnEveryNumberUpToTwentyThousand() {
        boolean[] composite = new boolean[20_000];
        for (int n = 2; n < composite.length; n++) {
            for (int m = 2 * n; m < composite.length; m += n) {
                composite[m] = true;
            }
        }
        for (int n = 0; n < composite.length; n++) {
            assertEquals(n >= 2 && !composite[n], Primes.isPrime(n), "isPrime(" + n + ")");
        }
    }

    @Test
    void largePrimesAndSquaresOfPrimesAreToldApart() {
        assertTrue(Primes.isPrime(2_147_483_647));
        assertFalse(Primes.isPrime(46_337 * 46_337));
        assertFalse(Primes.isPrime(-7));
    }

    @Test
    void sequentialAndPooledCountsAgreeWithTheSieve() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20; i++) {
            int below = random.nextInt(0, 300_000);
            int expected = Primes.countBySieve(below);
            assertEquals(expected, Primes.countSequentially(below), "below " + below);
            assertEquals(expected, Primes.countWithPool(below, 1 + random.nextInt(5)), "below " + below);
            assertEquals(expected, Primes.countOneRangePerThread(below, 1 + random.nextInt(5)), "below " + below);
        }
        assertEquals(78_498, Primes.countInParallel(1_000_000));
    }

    @Test
    void countInRangeCountsFromInclusiveToExclusive() {
        assertEquals(4, Primes.countInRange(2, 11)); // 2 3 5 7
        assertEquals(5, Primes.countInRange(2, 12)); // and 11
        assertEquals(0, Primes.countInRange(24, 29));
        assertEquals(0, Primes.countInRange(5, 5));
    }

    @Test
    void thePoolLeavesNoThreadBehind() throws InterruptedException {
        Primes.countWithPool(50_000, 3);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (referenceThreadsAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertFalse(referenceThreadsAlive());
    }

    private static boolean referenceThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("primes-reference-") && t.isAlive());
    }

    @ParameterizedTest
    @CsvSource({"0, 3000000, 2", "0, 3000000, 16", "1000, 2000000, 7", "0, 10, 16", "0, 0, 3", "5, 6, 4",
            "100, 100000, 1", "0, 2147483647, 64"})
    void splitsCoverTheRangeExactlyOnceInOrder(int from, int to, int parts) {
        List<Range> ranges = Primes.splitByCost(from, to, parts);

        assertEquals(parts, ranges.size());
        assertEquals(from, ranges.getFirst().from());
        assertEquals(to, ranges.getLast().to());
        for (int i = 1; i < ranges.size(); i++) {
            assertEquals(ranges.get(i - 1).to(), ranges.get(i).from(), "no gap and no overlap between parts");
        }
        assertEquals(to - from, ranges.stream().mapToLong(Range::size).sum());
    }

    @ParameterizedTest
    @CsvSource({"0, 3000000, 2", "0, 3000000, 16", "500000, 2000000, 7", "0, 100000, 4"})
    void partsHaveRoughlyEqualEstimatedCost(int from, int to, int parts) {
        List<Range> ranges = Primes.splitByCost(from, to, parts);
        double share = Primes.estimatedCost(from, to) / parts;

        for (Range r : ranges) {
            double cost = Primes.estimatedCost(r.from(), r.to());
            assertEquals(1.0, cost / share, 0.01, "cost of " + r + " against an equal share");
        }
    }

    @Test
    void lowerPartsAreLongerBecauseTheirNumbersAreCheaper() {
        List<Range> halves = Primes.splitByCost(0, 3_000_000, 2);

        assertTrue(halves.get(0).size() > halves.get(1).size());
        // n^1.5 is halved at n = 3,000,000 / 2^(2/3), about 1,889,882
        assertEquals(1_889_882, halves.get(0).to(), 2);
    }

    @Test
    void splittingByCountGivesTheUpperHalfMostOfTheWork() {
        double upper = Primes.estimatedCost(1_500_000, 3_000_000) / Primes.estimatedCost(0, 3_000_000);

        assertEquals(0.646, upper, 0.001);
    }

    @Test
    void nonsenseArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Primes.splitByCost(0, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> Primes.splitByCost(10, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> Primes.splitByCost(-1, 10, 2));
        assertThrows(IllegalArgumentException.class, () -> Primes.countWithPool(100, 0));
    }
}
