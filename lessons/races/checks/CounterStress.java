package races.checks;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;
import org.threadlings.checks.Contention;
import org.threadlings.checks.Stress;
import org.threadlings.checks.Words;

/**
 * What the three counter checks share: contention runs, repeated, and the lost-update message.
 * A run counts only if its threads really ran at the same time: on a busy or single-core machine
 * they may run one after another, and then even a racy counter comes out exact. Too few such
 * runs give "inconclusive", never a pass that proves nothing.
 */
final class CounterStress {

    /** One counter under test, seen through the two methods the checks call. */
    record Counter(Runnable increment, LongSupplier get) {
    }

    /** Below this share of time with two threads inside the loop at once, a run tests nothing. */
    private static final double MIN_OVERLAP = 0.2;

    private CounterStress() {
    }

    /** Ten threads, 100,000 increments each, released together, a few times: exactly 1,000,000 every time. */
    static void tenThreadsOfOneHundredThousand(Supplier<Counter> fresh, String fix) {
        Stress.trials().atLeast(2).atMost(5).informative(2).within(Duration.ofMillis(1500)).run(trial -> {
            trial.describe("10 threads × 100,000 increments");
            run(trial, fresh.get(), 10, 100_000, fix);
        });
    }

    /** Random thread counts and sizes, again and again, until the budget is spent. */
    static void randomisedContention(Supplier<Counter> fresh, String fix) {
        Stress.trials().atMost(150).informative(5).within(Duration.ofMillis(1500)).run(trial -> {
            int threads = trial.between(2, 16);
            int each = trial.between(10_000, 120_000);
            trial.describe(threads + " threads × " + Words.count(each) + " increments");
            run(trial, fresh.get(), threads, each, fix);
        });
    }

    private static void run(Stress.Trial trial, Counter counter, int threads, int each, String fix) {
        Contention.Result result = Contention.threads(threads).named("incrementer-").timeout(Duration.ofSeconds(10))
                .run(i -> {
                    for (int k = 0; k < each; k++) {
                        counter.increment().run();
                    }
                });
        expectExact(counter.get().getAsLong(), threads, each, fix);
        if (result.overlap() < MIN_OVERLAP) {
            trial.uninformative("the threads ran one after another, not at the same time");
        }
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
}
