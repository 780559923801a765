package races.checks;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;
import org.threadlings.checks.CheckReport;
import org.threadlings.checks.Contention;
import org.threadlings.checks.Stress;
import org.threadlings.checks.Words;

/** What the three counter checks share: the contention runs and the lost-update message. */
final class CounterStress {

    /** One counter under test, seen through the two methods the checks call. */
    record Counter(Runnable increment, LongSupplier get) {
    }

    private CounterStress() {
    }

    /** Ten threads, 100,000 increments each, released together: exactly 1,000,000, or a failure that says how many were lost. */
    static void tenThreadsOfOneHundredThousand(Supplier<Counter> fresh, String fix) {
        Counter counter = fresh.get();
        Duration elapsed = hammer(counter, 10, 100_000);
        expectExact(counter.get().getAsLong(), 10, 100_000, fix);
        CheckReport.note("throughput: " + Words.count(1_000_000) + " increments by 10 threads in "
                + Words.duration(elapsed) + " (" + perSecond(1_000_000, elapsed) + " increments/s; not graded)");
    }

    /** Random thread counts and sizes, again and again, until the budget is spent. */
    static void randomisedContention(Supplier<Counter> fresh, String fix) {
        Stress.trials().within(Duration.ofMillis(1500)).atMost(150).run(trial -> {
            int threads = trial.between(2, 16);
            int each = trial.between(1_000, 120_000);
            trial.describe(threads + " threads × " + Words.count(each) + " increments");
            Counter counter = fresh.get();
            hammer(counter, threads, each);
            expectExact(counter.get().getAsLong(), threads, each, fix);
        });
    }

    private static Duration hammer(Counter counter, int threads, int each) {
        return Contention.threads(threads).named("incrementer-").timeout(Duration.ofSeconds(10)).run(i -> {
            for (int k = 0; k < each; k++) {
                counter.increment().run();
            }
        });
    }

    static void expectExact(long actual, int threads, int each, String fix) {
        long expected = (long) threads * each;
        if (actual == expected) {
            return;
        }
        String made = Words.count(expected) + " increments (" + threads + " threads × " + Words.count(each) + " each)";
        if (actual < expected) {
            throw new AssertionFailedError("lost " + Words.count(expected - actual) + " of " + made
                    + ": get() returned " + Words.count(actual) + ". Two threads read the same value of count, "
                    + "both add one, both write back, and one increment vanishes. " + fix,
                    expected, actual);
        }
        throw new AssertionFailedError("counted " + Words.count(actual) + " where " + made + " were made: "
                + Words.count(actual - expected) + " too many. Each call to increment() must add exactly one. " + fix,
                expected, actual);
    }

    private static String perSecond(long operations, Duration elapsed) {
        double rate = operations / Math.max(1e-9, elapsed.toNanos() / 1e9);
        return rate >= 1e6 ? String.format(java.util.Locale.ROOT, "%.1f million", rate / 1e6)
                : Words.count(Math.round(rate));
    }
}
