package races.checks;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;
import org.threadlings.checks.CheckReport;
import org.threadlings.checks.Contention;
import org.threadlings.checks.Progress;
import org.threadlings.checks.RaceCanary;
import org.threadlings.checks.Stress;
import org.threadlings.checks.Words;

/**
 * What the three counter checks share: contention runs, repeated, and the lost-update message.
 *
 * <p>Evidence: after each run of the student's counter, a {@link RaceCanary} (a plain, racy
 * {@code count++}) runs through the same loop, on as many threads, with as many increments each. A
 * trial counts only if the canary lost updates, so that an exact result means something. On one
 * core, losses come rarely and in big lumps (a thread preempted between its read and its write
 * wipes out a whole time slice of the others' work), so what counts is the number of trials in
 * which the canary lost, not the number of updates: if a racy counter loses in a share p of the
 * trials, the chance that it loses in none of n trials is about e^(-pn), and requiring the canary
 * to have lost in k trials keeps that near e^(-k). On one core or a busy machine, too few such
 * trials give "inconclusive", never a pass that proves nothing.
 *
 * <p>Pace: a correct counter may be slow (a fair lock hands over at every increment). The first
 * trial is small and measures the counter's rate; later trials are sized to fit the budget, so
 * slow but correct code still completes its trials instead of running out of time.
 */
final class CounterStress {

    /** One counter under test, seen through the two methods the checks call. */
    record Counter(Runnable increment, LongSupplier get) {
    }

    /**
     * Canary losses needed in all, besides the trials: a thousand lost updates are what two cores
     * running together show in a single trial, and far more than a lucky collision or two.
     */
    private static final long EVIDENCE = 1_000;
    /** The first trial's size per thread, small enough for any correct counter. */
    private static final int PROBE = 2_000;
    /** How long one trial should take at the measured rate. */
    private static final Duration TRIAL = Duration.ofMillis(350);

    /**
     * The rate of the latest trial, in increments a second; shared by the checks of one grading.
     * The latest, not the slowest: the first trials run while the JVM is still warming up, and
     * sizes should grow back to the full 100,000 once it has.
     */
    private static volatile double rate = Double.MAX_VALUE;

    private CounterStress() {
    }

    /** Ten threads, up to 100,000 increments each, released together, a few times: exact every time. */
    static void tenThreadsOfOneHundredThousand(Supplier<Counter> fresh, String fix) {
        Stress.trials().atLeast(3).atMost(14).informative(6).evidence(EVIDENCE).within(Duration.ofMillis(1500))
                .run(trial -> {
                    int each = trial.number() == 1 ? PROBE : fitting(10, 100_000);
                    trial.describe("10 threads × " + Words.count(each) + " increments");
                    run(trial, fresh.get(), 10, each, fix);
                });
        noteIfSizedDown(100_000);
    }

    /** Random thread counts and sizes, again and again, until the budget is spent. */
    static void randomisedContention(Supplier<Counter> fresh, String fix) {
        Stress.trials().atLeast(6).atMost(150).informative(6).evidence(EVIDENCE).within(Duration.ofMillis(1500))
                .run(trial -> {
                    int threads = trial.between(2, 16);
                    int most = fitting(threads, 120_000);
                    int each = trial.between(Math.max(1, most / 12), most);
                    trial.describe(threads + " threads × " + Words.count(each) + " increments");
                    run(trial, fresh.get(), threads, each, fix);
                });
    }

    /** Increments per thread that fit one trial at the rate measured so far, at most {@code wanted}. */
    private static int fitting(int threads, int wanted) {
        double perThread = rate * TRIAL.toNanos() / 1e9 / threads;
        return (int) Math.max(PROBE / 2, Math.min(wanted, perThread));
    }

    private static void noteIfSizedDown(int wanted) {
        if (fitting(10, wanted) < wanted) {
            CheckReport.note("your counter managed about " + Words.count(Math.round(rate))
                    + " increments a second under contention, so trials were sized to fit the time budget");
        }
    }

    /**
     * One trial: the student's counter, then the control, a racy counter run through the same loop
     * by as many threads with as many increments. The control's losses say whether a race could
     * show in this trial.
     */
    private static void run(Stress.Trial trial, Counter counter, int threads, int each, String fix) {
        long total = (long) threads * each;
        Contention.Result result = contend(counter, threads, each);
        expectExact(counter.get().getAsLong(), threads, each, fix);
        RaceCanary canary = new RaceCanary();
        contend(new Counter(canary::poke, () -> 0), threads, each);
        trial.raced(canary.lost(total));
        double seconds = Math.max(1e-6, result.elapsed().toNanos() / 1e9);
        rate = total / seconds;
    }

    private static Contention.Result contend(Counter counter, int threads, int each) {
        AtomicLongArray done = new AtomicLongArray(threads);
        Progress progress = new Progress(() -> sum(done), (long) threads * each, "increments");
        return Contention.threads(threads).named("incrementer-").timeout(Duration.ofSeconds(8))
                .progress(progress)
                .run(i -> {
                    for (int k = 0; k < each; k++) {
                        counter.increment().run();
                        done.lazySet(i, k + 1);
                    }
                });
    }

    private static long sum(AtomicLongArray done) {
        long sum = 0;
        for (int i = 0; i < done.length(); i++) {
            sum += done.get(i);
        }
        return sum;
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
