package executors.checks;

import executors.PrimePool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.threadlings.checks.Await;
import org.threadlings.checks.BuildsOn;
import org.threadlings.checks.CheckReport;
import org.threadlings.checks.Inconclusive;
import org.threadlings.checks.ParallelismProbe;
import org.threadlings.checks.Speedup;
import org.threadlings.checks.Stress;
import org.threadlings.checks.Structure;
import org.threadlings.checks.Words;
import org.threadlings.checks.work.Primes;

/**
 * Exercise prime-pool. The student's countRange() is the unit of work, and the checks watch it
 * through a subclass: which ranges were counted (so gaps and overlaps are found exactly, not
 * guessed from a wrong total), on which threads, how many at once, and whether those threads
 * are gone after count() returns. All of that is clock-free; only the last check times anything,
 * and only code already seen running parts together gets that far.
 */
class PrimePoolCheck {

    /** A correct count below 300,000 takes milliseconds; this only stops code that never returns. */
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    /**
     * How long a watched task waits for company before it goes on alone. Tasks that run side by
     * side meet at once; the wait only matters on a machine so busy that a second pool thread is
     * not scheduled for a while, and there a longer wait avoids a false "one at a time". Code
     * that runs tasks one after another pays it once per task (12 tasks: 6 s).
     */
    private static final Duration PROBE_PATIENCE = Duration.ofMillis(500);
    /** Tasks that waited out the patience alone before the rest stop waiting: enough to show it, and quick. */
    private static final int ALONE_TIMEOUTS = 3;

    /** A shut-down pool's idle threads end within milliseconds; one never shut down waits for ever. */
    private static final Duration THREADS_GONE_WITHIN = Duration.ofSeconds(2);

    private static final int WATCHED_BELOW = 300_000;
    private static final int WATCHED_THREADS = 3;

    /**
     * A split lets T threads reach at most total / largest part; asking for 90 % of T lets any
     * split by cost, or into several parts per thread, through, and stops one part per thread of
     * equal length (its top part holds 65 % of the work with 2 threads, 46 % with 3).
     */
    private static final double SPLIT_EFFICIENCY = 0.9;

    private static final int TIMED_BELOW = 2_000_000;

    /** A baseline slower than this means the machine is swamped; see giveUpIfSwamped. */
    private static final Duration SWAMPED = Duration.ofMillis(500);

    /** Set by partsRunTogether: timing code whose parts never ran together is pointless. */
    private static boolean partsSeenTogether;
    private static String seenBefore = "the check did not run";

    @Test
    @Order(1)
    @DisplayName("counts primes below N exactly (varied N, 1 to 8 threads)")
    void countsExactly() throws Exception {
        int[][] fixed = {{0, 1}, {1, 2}, {2, 2}, {3, 1}, {10, 4}, {11, 3}, {100, 7}, {1_000, 8}, {7_919, 2},
            {7_920, 2}, {50_000, 1}};
        for (int[] c : fixed) {
            expectCount(c[0], c[1]);
        }
        Stress.trials().atLeast(4).atMost(30).within(Duration.ofMillis(1000)).run(trial -> {
            int below = trial.between(10_000, 300_000);
            int threads = trial.between(1, 8);
            trial.describe("count(" + below + ", " + threads + ")");
            expectCount(below, threads);
        });
    }

    @Test
    @Order(2)
    @DisplayName("the parts cover every number once: no gap, no overlap")
    void everyNumberOnce() throws Exception {
        int[][] cases = {{300_000, 3}, {100_003, 4}, {99_991, 7}, {17, 5}, {1_000, 1}};
        for (int[] c : cases) {
            Watched pool = new Watched(null);
            call(pool, c[0], c[1]);
            String call = "count(" + Words.count(c[0]) + ", " + c[1] + ")";
            if (pool.parts.isEmpty() && c[0] > 0) {
                throw new AssertionFailedError(call + " never called countRange(), so the checks cannot see which "
                        + "numbers were counted. Let each task count its part with countRange(from, to), the method "
                        + "the starter gave you, and keep that method unchanged.");
            }
            String problem = coverageProblem(pool.parts, c[0]);
            if (problem != null) {
                throw new AssertionFailedError(call + " counted " + describeParts(pool.parts) + ": " + problem);
            }
        }
        CheckReport.note("count(300,000, 3) counted " + describeParts(watchedParts(new Watched(null))));
    }

    @Test
    @Order(3)
    @DisplayName("uses an ExecutorService and creates no Thread of its own")
    void usesAnExecutor() {
        Structure.of(PrimePool.class)
                .mustNotCreateThreads("This exercise is about executors: hand each part to the pool with "
                        + "submit(), and let the pool own the threads.")
                .mustUse("an ExecutorService", List.of("java.util.concurrent.ExecutorService",
                        "java.util.concurrent.Executors", "java.util.concurrent.ThreadPoolExecutor"),
                        "Create one with Executors.newFixedThreadPool(threads) and submit a task per part.");
    }

    @Test
    @Order(4)
    @DisplayName("pool threads count several parts at once (no clock)")
    void partsRunTogether() throws Exception {
        partsSeenTogether = false;
        seenBefore = "the count did not come out right";
        ParallelismProbe probe = ParallelismProbe.expecting(WATCHED_THREADS).patience(PROBE_PATIENCE)
                .giveUpAfter(ALONE_TIMEOUTS);
        Watched pool = new Watched(probe);
        Thread caller = call(pool, WATCHED_BELOW, WATCHED_THREADS);
        String call = "count(" + Words.count(WATCHED_BELOW) + ", " + WATCHED_THREADS + ")";
        Set<Thread> workers = pool.threads();
        seenBefore = Words.plural(workers.size(), "thread", "threads") + " counted parts, at most "
                + probe.peakInFlight() + " at the same time";
        if (pool.parts.isEmpty()) {
            throw new AssertionFailedError(call + " never called countRange(): the checks watch it to see the parts. "
                    + "Let each task call countRange(from, to) for its part.");
        }
        if (workers.contains(caller)) {
            throw new AssertionFailedError(call + " counted " + (workers.size() == 1 ? "every part" : "some parts")
                    + " on the calling thread itself, not on the pool. Submit each part to the ExecutorService "
                    + "(pool.submit(() -> countRange(from, to))) and only collect the results on the caller.");
        }
        if (workers.size() > WATCHED_THREADS) {
            throw new AssertionFailedError(call + " asked for a pool of " + WATCHED_THREADS + " threads, but "
                    + workers.size() + " different threads counted parts (" + names(workers) + "). For CPU-bound work "
                    + "more threads than cores only take turns: use Executors.newFixedThreadPool(threads).");
        }
        String advice = workers.size() == 1
                ? "One thread did all the work: a pool of one thread (newSingleThreadExecutor, or "
                + "newFixedThreadPool(1)) runs tasks one after another. Make the pool with "
                + "Executors.newFixedThreadPool(threads)."
                : "The parts ran one after another: " + ALONE_TIMEOUTS + " of them each waited "
                + Words.duration(PROBE_PATIENCE) + " for company in vain, and no two were ever in flight. That is "
                + "what get() right after each submit() does, since get() waits "
                + "for that task to finish before the next one is even submitted. Submit every part in one loop, "
                + "keep the Futures in a list, and call get() on them in a second loop.";
        probe.assertConcurrent(2, advice);
        partsSeenTogether = true;
    }

    @Test
    @Order(5)
    @DisplayName("no pool thread is left once count() returns")
    void poolShutDown() throws Exception {
        Watched pool = new Watched(null);
        Thread caller = call(pool, WATCHED_BELOW, WATCHED_THREADS);
        List<Thread> workers = new ArrayList<>(pool.threads());
        workers.remove(caller); // the caller is judged by partsRunTogether, not here
        if (workers.isEmpty()) {
            throw new AssertionFailedError("No pool thread counted any part, so there is no pool to see shut down. "
                    + "Submit each part to the pool as a task that calls countRange(from, to).");
        }
        long deadline = System.nanoTime() + THREADS_GONE_WITHIN.toNanos();
        for (Thread worker : workers) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            worker.join(left); // bounded: a thread that never ends is what this check reports
        }
        List<Thread> alive = workers.stream().filter(Thread::isAlive).toList();
        if (!alive.isEmpty()) {
            throw new AssertionFailedError(Words.plural(alive.size(), "pool thread", "pool threads") + " ("
                    + names(alive) + ") still alive " + Words.duration(THREADS_GONE_WITHIN) + " after count() "
                    + "returned, " + alive.get(0).getState().toString().toLowerCase() + ": the pool was never shut "
                    + "down, and its idle threads wait for tasks that will never come. Each call leaks a pool, and "
                    + "non-daemon threads keep the JVM from exiting. Create the pool in try (ExecutorService pool = "
                    + "...) { ... }, whose close() shuts it down and waits, or call shutdown() and awaitTermination() "
                    + "in a finally block.");
        }
        CheckReport.note(Words.plural(workers.size(), "pool thread", "pool threads") + " ran the parts; all gone "
                + "once count() returned");
    }

    @Test
    @Order(6)
    @DisplayName("no part holds so much work that the other threads idle")
    void partsShareTheWork() throws Exception {
        List<Part> parts = watchedParts(new Watched(null));
        if (parts.isEmpty()) {
            throw new AssertionFailedError("No part was counted through countRange(), so the split cannot be judged.");
        }
        double total = Primes.estimatedCost(0, WATCHED_BELOW);
        Part largest = parts.stream().max(Comparator.comparingDouble(Part::cost)).orElseThrow();
        double share = largest.cost() / total;
        double allowed = 1 / (SPLIT_EFFICIENCY * WATCHED_THREADS);
        double bound = Math.min(WATCHED_THREADS, 1 / share);
        CheckReport.note("largest of " + Words.plural(parts.size(), "part", "parts") + ": " + largest.range() + ", "
                + percent(share) + " of the work (at most " + percent(allowed) + " allowed with "
                + WATCHED_THREADS + " threads)");
        if (share > allowed) {
            throw new AssertionFailedError("count(" + Words.count(WATCHED_BELOW) + ", " + WATCHED_THREADS
                    + ") cut the range into " + describeParts(parts) + ". The largest part, " + largest.range()
                    + ", holds " + percent(share) + " of the work: testing n takes up to sqrt(n) divisions, so the "
                    + "work in [a, b) grows like b^1.5 - a^1.5, and high numbers cost more than low ones. While that "
                    + "part runs the other threads have nothing left to do, so even on " + WATCHED_THREADS
                    + " idle cores this split gives at most " + Words.times(bound) + " (no part may hold more than "
                    + percent(allowed) + "). Cut by cost (part i of p starts at below * (i / p)^(2/3)), or into "
                    + "several parts per thread so that the pool can even the work out.");
        }
    }

    @Test
    @Order(7)
    @BuildsOn("partsRunTogether")
    @DisplayName("faster than one thread (judged against a reference)")
    void fasterThanOneThread() throws Exception {
        if (!partsSeenTogether) {
            throw new AssertionFailedError("Not timed: in the check above, " + seenBefore + ". Parts that never run "
                    + "at the same time cannot be faster than one thread, so fix that first.");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        long expected = Primes.countBySieve(TIMED_BELOW);
        PrimePool student = new PrimePool();
        giveUpIfSwamped(cores);
        Speedup.of("counting primes below " + Words.count(TIMED_BELOW))
                .baseline(() -> Primes.countSequentially(TIMED_BELOW))
                .reference(() -> Primes.countWithPool(TIMED_BELOW, cores))
                .candidate(() -> {
                    long counted = student.count(TIMED_BELOW, cores);
                    expectEqual(expected, counted, TIMED_BELOW, cores, List.of());
                    return counted;
                })
                .advice("The parts did run together in the check above, so look at the cost around them: is "
                        + "a pool created per part, or are there thousands of tiny parts? A few parts per thread "
                        + "are enough.")
                .warmups(1)
                .check();
    }

    /**
     * A baseline and a reference run first, up to three times (warming both up). On a quiet
     * 2-core machine the baseline takes about 0.2 s and the reference nearly halves it. When no
     * try shows a baseline within {@link #SWAMPED} and the reference gaining at least 1.15x, the
     * machine is so overloaded that the timed rounds could neither tell anything apart nor
     * finish inside the time limit (they cost about 25 baselines): an honest "no verdict" now
     * beats a timeout later. Under a load average of 25 on 2 cores the baseline took 1.3 s, the
     * reference gained 1.09x, and a full measurement ran the grading past its 45 s limit.
     */
    private static void giveUpIfSwamped(int cores) {
        if (cores < 2) {
            return; // not swamped but single: the timing says so, and that this check needs two cores
        }
        Duration baseline = Duration.ZERO;
        Duration reference = Duration.ZERO;
        double gain = 0;
        for (int attempt = 0; attempt < 3; attempt++) {
            long start = System.nanoTime();
            Primes.countSequentially(TIMED_BELOW);
            baseline = Duration.ofNanos(System.nanoTime() - start);
            start = System.nanoTime();
            Primes.countWithPool(TIMED_BELOW, cores);
            reference = Duration.ofNanos(System.nanoTime() - start);
            gain = (double) baseline.toNanos() / Math.max(1, reference.toNanos());
            if (baseline.compareTo(SWAMPED) <= 0 && gain >= 1.15) {
                return;
            }
            if (attempt > 0 && baseline.compareTo(SWAMPED.multipliedBy(3)) > 0) {
                break; // hopeless once warm: more tries would only spend the time limit
            }
        }
        throw new Inconclusive("No verdict on the speed-up: counting primes below " + Words.count(TIMED_BELOW)
                + " took " + Words.duration(baseline) + " on one thread (about 0.2 s on a quiet 2-core machine; "
                + "to be timed within the time limit it must take at most " + Words.duration(SWAMPED) + ") and "
                + Words.duration(reference) + " on a pool of " + cores + " (" + Words.times(gain) + "). The machine is "
                + "too busy for a speed-up to show right now. Close other busy programs and run the check again.");
    }

    // ---- the student's pool, watched ----

    /** One call of countRange: the numbers [from, to), counted on a thread. */
    record Part(int from, int to, Thread thread) {

        double cost() {
            return to > from && from >= 0 ? Primes.estimatedCost(from, to) : 0;
        }

        String range() {
            return "[" + Words.count(from) + ", " + Words.count(to) + ")";
        }
    }

    /** The student's class with countRange() recorded, and, given a probe, each part counted as a task in flight. */
    static final class Watched extends PrimePool {

        final Queue<Part> parts = new ConcurrentLinkedQueue<>();
        private final ParallelismProbe probe;
        /** What the last count() returned; set by the check's thread after it waited for the call. */
        long lastResult;

        Watched(ParallelismProbe probe) {
            this.probe = probe;
        }

        @Override
        protected long countRange(int from, int to) {
            parts.add(new Part(from, to, Thread.currentThread()));
            if (probe == null) {
                return super.countRange(from, to);
            }
            try {
                return probe.wrap(() -> super.countRange(from, to)).call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        Set<Thread> threads() {
            return parts.stream().map(Part::thread).collect(Collectors.toCollection(LinkedHashSet::new));
        }
    }

    private static List<Part> watchedParts(Watched pool) throws Exception {
        call(pool, WATCHED_BELOW, WATCHED_THREADS);
        return List.copyOf(pool.parts);
    }

    /** The first gap or overlap among the parts, in words, or null when they tile [0, below) exactly. */
    static String coverageProblem(Iterable<Part> counted, int below) {
        List<Part> parts = new ArrayList<>();
        counted.forEach(p -> {
            if (p.to() > p.from()) {
                parts.add(p);
            }
        });
        parts.sort(Comparator.comparingInt(Part::from).thenComparingInt(Part::to));
        long next = 0;
        for (Part p : parts) {
            if (p.from() < 0 || p.to() > below) {
                return "the part " + p.range() + " reaches outside [0, " + Words.count(below) + "). Every part must "
                        + "lie inside the range.";
            }
            if (p.from() > next) {
                return span(next, p.from()) + " in no part, so never tested. If one part ends at x (exclusive), "
                        + "the next must start at x.";
            }
            if (p.from() < next) {
                return span(p.from(), Math.min(next, p.to())) + " in two parts, so counted twice. countRange(from, to) leaves out `to`: the next part starts at the previous "
                        + "part's `to`, not at `to + 1` nor before it.";
            }
            next = p.to();
        }
        if (next < below) {
            return span(next, below) + " in no part, so never tested. The last part must end at below itself.";
        }
        return null;
    }

    /** "the number 7 was" or "the numbers 7 to 9 were", for the numbers [from, to). */
    private static String span(long from, long to) {
        return to - from == 1 ? "the number " + Words.count(from) + " was"
                : "the numbers " + Words.count(from) + " to " + Words.count(to - 1) + " were";
    }

    private static String describeParts(Iterable<Part> counted) {
        List<Part> parts = new ArrayList<>();
        counted.forEach(parts::add);
        parts.sort(Comparator.comparingInt(Part::from));
        String shown = parts.stream().limit(6).map(Part::range).collect(Collectors.joining(" "));
        return Words.plural(parts.size(), "part", "parts") + " (" + shown + (parts.size() > 6 ? " ..." : "") + ")";
    }

    private static String names(Iterable<Thread> threads) {
        List<String> names = new ArrayList<>();
        threads.forEach(t -> names.add(t.getName()));
        return names.stream().limit(4).collect(Collectors.joining(", ")) + (names.size() > 4 ? ", ..." : "");
    }

    private static String percent(double share) {
        return Math.round(share * 100) + " %";
    }

    private static void expectCount(int below, int threads) throws Exception {
        Watched pool = new Watched(null);
        call(pool, below, threads);
        expectEqual(Primes.countBySieve(below), pool.lastResult, below, threads, pool.parts);
    }

    private static void expectEqual(long expected, long counted, int below, int threads, Iterable<Part> parts) {
        if (counted == expected) {
            return;
        }
        String call = "count(" + Words.count(below) + ", " + threads + ")";
        String problem = coverageProblem(parts, below);
        String why = problem != null ? "The parts counted were wrong: " + problem
                : counted < expected
                ? Words.count(expected - counted) + " too few. Do you add up the result of every Future?"
                : Words.count(counted - expected) + " too many. Is some part's result added twice?";
        throw new AssertionFailedError(call + " returned " + Words.count(counted) + ", but there "
                + (expected == 1 ? "is " : "are ") + Words.plural(expected, "prime", "primes") + " below " + Words.count(below) + ". " + why, expected, counted);
    }

    /**
     * Calls count() on a daemon thread of the check's own and waits through Await, so that code
     * which never returns cannot hang the check. Returns the calling thread, so that the checks
     * can tell work done on the caller from work done by the pool.
     */
    private static Thread call(Watched pool, int below, int threads) throws Exception {
        FutureTask<Long> task = new FutureTask<>(() -> pool.count(below, threads));
        Thread caller = new Thread(task, "check-caller");
        caller.setDaemon(true);
        caller.start();
        pool.lastResult = Await.result(task, PATIENCE, "count(" + Words.count(below) + ", " + threads + ") to return");
        return caller;
    }
}
