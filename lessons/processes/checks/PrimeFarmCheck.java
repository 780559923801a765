package processes.checks;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.threadlings.checks.Await;
import org.threadlings.checks.CheckReport;
import org.threadlings.checks.Inconclusive;
import org.threadlings.checks.Speedup;
import org.threadlings.checks.Words;
import org.threadlings.checks.work.Primes;
import processes.PrimeFarm;
import processes.PrimeWorker;

/** Exercise prime-farm: count primes in K worker JVMs started together, and leave none behind. */
class PrimeFarmCheck {

    /** Sizes and worker counts; each has a prime at an inner bound of PrimeFarm.bounds, where an off-by-one shows. */
    /** What the speed-up rounds may take, inside the exercise's time limit with the other checks. */
    private static final Duration MEASURING_BUDGET = Duration.ofSeconds(40);

    private static final int[][] CASES = {{10, 1}, {1_008, 3}, {100_052, 2}, {250_015, 4}, {1_000_018, 3}};

    @Test
    @Order(1)
    @DisplayName("counts every prime below N exactly once (5 sizes, 1 to 4 workers), and every worker has ended when it returns")
    void countsEveryPrimeOnce() throws Exception {
        for (int[] c : CASES) {
            int below = c[0];
            int workers = c[1];
            long got = valueOf(() -> PrimeFarm.countPrimes(below, workers, PrimeWorker.class),
                    "countPrimes(" + below + ", " + workers + ", PrimeWorker.class)");
            int expected = Primes.countBySieve(below);
            if (got != expected) {
                fail("countPrimes(" + Words.count(below) + ", " + workers + ", PrimeWorker.class) returned "
                        + Words.count(got) + "; there are " + Words.count(expected) + " primes below "
                        + Words.count(below) + " (" + (got > expected ? "some counted twice" : "some missed")
                        + "). Give worker i the range [bounds[i], bounds[i + 1]), the upper bound excluded, "
                        + "and add up every worker's count.");
            }
        }
        CheckReport.note(CASES.length + " sizes counted right, up to " + Words.count(CASES[CASES.length - 1][0]));
    }

    @Test
    @Order(2)
    @DisplayName("starts all its workers before waiting for any: 2 workers are seen running at the same time")
    void workersRunTogether() throws Exception {
        int workers = 2;
        int below = 300_000;
        Path folder = GatheringWorker.prepare(workers);
        long got = valueOf(() -> PrimeFarm.countPrimes(below, workers, GatheringWorker.class),
                "countPrimes(" + below + ", " + workers + ", GatheringWorker.class)");
        int started = GatheringWorker.count(folder, ".started");
        int peak = GatheringWorker.peak(folder);
        if (started == 0) {
            fail("countPrimes(" + Words.count(below) + ", " + workers + ", GatheringWorker.class) started no "
                    + "worker process at all (it returned " + Words.count(got) + "). Start each worker with "
                    + "Jvm.builder(worker, from, to).start(), using the class you are given.");
        }
        if (started < workers) {
            fail("Only " + Words.plural(started, "worker process was", "worker processes were") + " started for "
                    + workers + " ranges. Start one worker per range: a loop over i from 0 to workers - 1, "
                    + "worker i counting [bounds[i], bounds[i + 1]).");
        }
        if (peak < workers) {
            fail("The " + workers + " workers never ran at the same time: each waited "
                    + Words.duration(Duration.ofMillis(GatheringWorker.PATIENCE_MILLIS)) + " for the others and saw "
                    + "at most " + peak + " running. That is what starting one worker and waiting for it (waitFor, "
                    + "or reading its output to the end) before starting the next does. Start them all in one "
                    + "loop, then read and wait for them in a second loop.");
        }
        CheckReport.note(Words.plural(started, "worker process", "worker processes")
                + " started, all " + peak + " seen running at once (no clock involved)");
    }

    @Test
    @Order(3)
    @DisplayName("a worker that fails (exit code 3) makes it throw an IOException naming the code, and stop the other workers")
    void failingWorkerStopsTheOthers() throws Exception {
        int below = 200_000;
        int workers = 3;
        String what = "countPrimes(" + below + ", " + workers + ", FaultyWorker.class)";
        Set<Long> before = Children.now();
        Outcome outcome = call(() -> PrimeFarm.countPrimes(below, workers, FaultyWorker.class), what);
        Throwable thrown = outcome.thrown();
        long got = outcome.value();
        assertNoneLeft(before, what + (thrown == null ? " returned" : " threw"));
        if (thrown == null) {
            fail("Given FaultyWorker, whose process for the first range exits with code " + FaultyWorker.EXIT_CODE
                    + " and prints nothing, countPrimes returned " + Words.count(got) + " as if all went well. "
                    + "Run each range in a process of the class you are given, check each worker's exit code "
                    + "(waitFor() returns it) and throw an IOException when it is not 0.");
        }
        if (!(thrown instanceof IOException) || thrown.getMessage() == null
                || !thrown.getMessage().contains(Integer.toString(FaultyWorker.EXIT_CODE))) {
            fail("One worker exited with code " + FaultyWorker.EXIT_CODE + " and printed nothing; countPrimes threw "
                    + thrown + ". Expected an IOException whose message names the exit code "
                    + FaultyWorker.EXIT_CODE + ": wait for the worker and look at its exit code before you "
                    + "parse its output, so the error says what went wrong.");
        }
        CheckReport.note("threw \"" + thrown.getMessage() + "\"; no worker left running");
    }

    @Test
    @Order(4)
    @DisplayName("is faster with one worker per core than one thread, against a reference with as many workers")
    void fasterWithWorkers() throws Exception {
        int below = 4_000_000;
        int cores = Runtime.getRuntime().availableProcessors();
        String what = "counting primes below " + Words.count(below) + " in " + cores + " worker JVMs";
        Callable<Object> baseline = () -> Primes.countSequentially(below);
        Callable<Object> reference = () -> referenceCount(below, cores);
        Callable<Object> candidate = () -> PrimeFarm.countPrimes(below, cores, PrimeWorker.class);
        // One timed round first, which is also the warm-up. Up to 8 more rounds follow (4, and 4
        // again before a failure): on a machine so busy that they cannot fit the time limit, no
        // verdict is possible, and saying so beats being stopped half-way.
        long start = System.nanoTime();
        for (Callable<Object> work : List.of(baseline, reference, candidate)) {
            work.call();
        }
        Duration round = Duration.ofNanos(System.nanoTime() - start);
        if (round.multipliedBy(8).compareTo(MEASURING_BUDGET) > 0) {
            throw new Inconclusive("No verdict on the speed-up of " + what + ": one round of one thread, the "
                    + "reference and your code took " + Words.duration(round) + ", so the rounds needed would "
                    + "take more than " + Words.duration(MEASURING_BUDGET) + ". The machine is very busy (a JVM "
                    + "that starts in a few tens of milliseconds on a quiet machine takes far longer now). Close "
                    + "other busy programs and check again.");
        }
        Speedup.of(what)
                .baseline(baseline)
                .reference(reference)
                .candidate(candidate)
                .warmups(0)
                .rounds(4)
                .advice("Start every worker before reading any output, one range of bounds() each: started "
                        + "one at a time, " + cores + " workers take as long as one thread, plus the start-up of "
                        + "each JVM.")
                .check();
    }

    /** The parallel reference: one ReferenceWorker per core on ranges of equal cost, started together. */
    static long referenceCount(int below, int workers) throws IOException, InterruptedException {
        List<Process> started = new ArrayList<>();
        try {
            for (Primes.Range range : Primes.splitByCost(0, below, workers)) {
                started.add(Launch.of(ReferenceWorker.class, Integer.toString(range.from()),
                        Integer.toString(range.to())).start());
            }
            long total = 0;
            for (Process process : started) {
                try (InputStream in = process.getInputStream()) {
                    total += Long.parseLong(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
                }
                if (process.waitFor() != 0) {
                    throw new IllegalStateException("the reference worker failed with exit code " + process.exitValue());
                }
            }
            return total;
        } finally {
            for (Process process : started) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }

    /** What the student's call gave: a value, or what it threw. */
    record Outcome(long value, Throwable thrown) {
    }

    /**
     * Runs the student's call on a daemon thread of the check's own, bounded by {@link Await}: a
     * hang is reported with what the threads were doing, after the workers still running are
     * killed so that the next check starts clean.
     */
    static Outcome call(Callable<Long> body, String what) throws Exception {
        Set<Long> before = Children.now();
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("prime-farm-caller").start(() -> {
            try {
                result.complete(new Outcome(body.call(), null));
            } catch (Throwable e) {
                result.complete(new Outcome(0, e));
            }
        });
        try {
            return Await.result(result, Duration.ofSeconds(20), what + " to return");
        } catch (AssertionError hung) {
            Children.kill(Children.runningExcept(before));
            throw hung;
        }
    }

    /** The call's value; fails if it threw, or if it left a worker running. */
    static long valueOf(Callable<Long> body, String what) throws Exception {
        Set<Long> before = Children.now();
        Outcome outcome = call(body, what);
        assertNoneLeft(before, what + " returned");
        if (outcome.thrown() != null) {
            throw new AssertionError(what + " threw " + outcome.thrown() + ". Every worker exits with code 0 "
                    + "and prints one number here; look at the stack trace below for where it went wrong.",
                    outcome.thrown());
        }
        return outcome.value();
    }

    static void assertNoneLeft(Set<Long> before, String after) {
        List<ProcessHandle> left = Children.runningExcept(before);
        if (!left.isEmpty()) {
            fail("After " + after + ", " + Words.plural(left.size(), "worker was", "workers were")
                    + " still running (" + Children.kill(left) + "). Wait for every worker you started "
                    + "(waitFor) before you return or throw, and destroyForcibly() those you no longer need "
                    + "first, in a finally block, so that none outlives the call.");
        }
    }
}
