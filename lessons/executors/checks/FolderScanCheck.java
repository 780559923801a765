package executors.checks;

import executors.FolderScan;
import executors.Readings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.threadlings.checks.Await;
import org.threadlings.checks.CheckReport;
import org.threadlings.checks.ParallelismProbe;
import org.threadlings.checks.Words;

/**
 * Exercise folder-scan. The checks write real files into a temporary folder (a few large ones,
 * one that is not UTF-8, one with a line that is not a number) and hand scan() a job that does
 * the real work while it records which file ran on which thread, how many ran at once, and what
 * each failing file threw. So every verdict here is clock-free: files processed once, failures
 * reported by name with their cause, files in flight together, the pool's threads named and
 * gone once scan() returns.
 */
class FolderScanCheck {

    /** A correct scan of these folders takes well under a second; this only stops code that never returns. */
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

    private static final Pattern SCAN_NAME = Pattern.compile("scan-\\d+");

    @Test
    @Order(1)
    @DisplayName("every file processed once, its result reported (3, then 2 threads)")
    void everyFileOnce() throws Exception {
        for (int threads : new int[] {3, 2}) {
            try (Folder folder = Folder.create(10, threads == 3 ? 3 : 1, List.of())) {
                Watched job = new Watched(null);
                Readings.Report report = scan(folder, job, threads);
                String call = "scan() of " + folder.describe() + " with " + threads + " threads";
                expectEachOnce(call, folder, job);
                if (!report.failures().isEmpty()) {
                    throw new AssertionFailedError(call + " reported failures although every file is fine: "
                            + report.failures() + ". Report a Failure only for a Future whose get() threw "
                            + "ExecutionException.");
                }
                expectResults(call, folder, report);
                CheckReport.note(threads + " threads: " + Words.plural(report.results().size(), "file", "files")
                        + ", " + Words.count(report.totalReadings()) + " readings, sum "
                        + Words.count(report.totalSum()));
            }
        }
    }

    @Test
    @Order(2)
    @DisplayName("a failing file is reported with its name and cause")
    void failingFilesReported() throws Exception {
        try (Folder folder = Folder.create(10, 2, List.of(3, 6))) {
            Watched job = new Watched(null);
            String call = "scan() of " + folder.describe() + " with 3 threads";
            Readings.Report report;
            try {
                report = scan(folder, job, 3);
            } catch (AssertionError e) {
                throw e;
            } catch (Exception e) {
                throw new AssertionFailedError(call + " threw " + e + " instead of returning a report. A task that "
                        + "throws makes its Future's get() throw ExecutionException, with the task's exception as "
                        + "its cause. Catch it around each get() on its own, add a Failure(name, reason) for that "
                        + "file, and go on with the next Future: one bad file must not cost the others.", e);
            }
            expectEachOnce(call, folder, job);
            Map<String, Long> reported = report.failures().stream()
                    .collect(Collectors.groupingBy(Readings.Failure::name, LinkedHashMap::new, Collectors.counting()));
            for (String bad : folder.failing()) {
                if (!reported.containsKey(bad)) {
                    boolean asResult = report.results().stream().anyMatch(r -> r.name().equals(bad));
                    throw new AssertionFailedError(call + ": " + bad + " threw " + job.thrown.get(bad) + ", but the "
                            + "report has no Failure named " + bad + (asResult ? " (it is among the results)" : "")
                            + "; failures reported: " + names(report.failures().stream().map(Readings.Failure::name))
                            + ". An exception in a task is not lost: it waits in the Future until get() throws it "
                            + "as an ExecutionException. Catch that around each get() and add new Failure(name of "
                            + "the file, e.getCause().toString()); never catch it and carry on silently.");
                }
                if (reported.get(bad) > 1) {
                    throw new AssertionFailedError(call + ": " + bad + " is reported " + reported.get(bad)
                            + " times among the failures. Report each failing file once.");
                }
            }
            for (Readings.Failure failure : report.failures()) {
                if (!folder.failing().contains(failure.name())) {
                    throw new AssertionFailedError(call + " reported a failure for " + failure.name() + " ("
                            + failure.reason() + "), but only " + names(folder.failing().stream()) + " fail. The name "
                            + "must be the failing file's own name, Readings.nameOf(file).");
                }
                String cause = job.thrown.get(failure.name()).getMessage();
                if (failure.reason() == null || !failure.reason().contains(cause)) {
                    throw new AssertionFailedError(call + ": the failure of " + failure.name() + " gives the reason '"
                            + failure.reason() + "', which does not say what went wrong: its task threw '" + cause
                            + "'. Give the cause of the ExecutionException as the reason, e.getCause().toString().");
                }
            }
            expectResults(call, folder, report);
            CheckReport.note("reported: " + report.failures().stream().map(f -> f.name() + " (" + f.reason() + ")")
                    .collect(Collectors.joining("; ")));
        }
    }

    @Test
    @Order(3)
    @DisplayName("pool threads process several files at once (no clock)")
    void filesInFlightTogether() throws Exception {
        int threads = 3;
        try (Folder folder = Folder.create(12, 2, List.of())) {
            ParallelismProbe probe = ParallelismProbe.expecting(threads).patience(PROBE_PATIENCE)
                    .giveUpAfter(ALONE_TIMEOUTS);
            Watched job = new Watched(probe);
            Thread caller = callerOf(folder, job, threads);
            String call = "scan() of " + folder.describe() + " with " + threads + " threads";
            Set<Thread> workers = job.threads();
            if (workers.contains(caller)) {
                throw new AssertionFailedError(call + " processed "
                        + (workers.size() == 1 ? "every file" : "some files") + " on the calling thread itself, "
                        + "not on the pool. Submit one task per file, "
                        + "pool.submit(() -> job.process(file)), and only collect the Futures on the caller.");
            }
            if (workers.size() > threads) {
                throw new AssertionFailedError(call + " asked for a pool of " + threads + " threads, but "
                        + workers.size() + " different threads processed files (" + names(workers.stream()
                        .map(Thread::getName)) + "). Use Executors.newFixedThreadPool(threads, factory).");
            }
            probe.assertConcurrent(2, workers.size() == 1
                    ? "One thread processed every file: a pool of one thread runs tasks one after another. Make "
                    + "the pool with Executors.newFixedThreadPool(threads, factory)."
                    : "The files were processed one after another: " + ALONE_TIMEOUTS + " of them each waited "
                    + Words.duration(PROBE_PATIENCE) + " for company in vain, and no two were ever in flight. That "
                    + "is what get() right after each submit() does. Submit every file in one loop, keep the "
                    + "Futures (next to their files), and call get() on them in a second loop.");
        }
    }

    @Test
    @Order(4)
    @DisplayName("no pool thread is left once scan() returns")
    void poolShutDown() throws Exception {
        try (Folder folder = Folder.create(8, 1, List.of())) {
            Watched job = new Watched(null);
            Thread caller = callerOf(folder, job, 3);
            List<Thread> workers = new ArrayList<>(job.threads());
            workers.remove(caller); // the caller is judged by filesInFlightTogether, not here
            if (workers.isEmpty()) {
                throw new AssertionFailedError("No pool thread processed any file, so there is no pool to see shut "
                        + "down. Submit each file to the pool as a task that calls job.process(file).");
            }
            long deadline = System.nanoTime() + THREADS_GONE_WITHIN.toNanos();
            for (Thread worker : workers) {
                worker.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000)); // bounded on purpose
            }
            List<Thread> alive = workers.stream().filter(Thread::isAlive).toList();
            if (!alive.isEmpty()) {
                throw new AssertionFailedError(Words.plural(alive.size(), "pool thread", "pool threads") + " ("
                        + names(alive.stream().map(Thread::getName)) + ") still alive "
                        + Words.duration(THREADS_GONE_WITHIN) + " after scan() returned, "
                        + alive.get(0).getState().toString().toLowerCase() + ": the pool was never shut down, and its "
                        + "idle threads wait for tasks that will never come. Non-daemon threads keep the JVM from "
                        + "exiting. Create the pool in try (ExecutorService pool = ...) { ... }, whose close() shuts "
                        + "it down and waits, or call shutdown() and then awaitTermination() in a finally block.");
            }
            CheckReport.note(Words.plural(workers.size(), "pool thread", "pool threads") + ", all gone once scan() "
                    + "returned");
        }
    }

    @Test
    @Order(5)
    @DisplayName("pool threads are named scan-1, scan-2, ...")
    void threadsNamed() throws Exception {
        try (Folder folder = Folder.create(8, 1, List.of())) {
            Watched job = new Watched(null);
            Thread caller = callerOf(folder, job, 3);
            if (job.threads().contains(caller)) {
                throw new AssertionFailedError("Files were processed on the calling thread, so no pool thread can be "
                        + "seen, let alone its name. Submit each file to a pool made with "
                        + "Executors.newFixedThreadPool(threads, factory), where the ThreadFactory names the threads "
                        + "scan-1, scan-2, ...");
            }
            List<String> names = job.threads().stream().map(Thread::getName).sorted().toList();
            List<String> wrong = names.stream().filter(n -> !SCAN_NAME.matcher(n).matches()).toList();
            if (!wrong.isEmpty()) {
                throw new AssertionFailedError("The files were processed by threads named " + names(wrong.stream())
                        + "; expected scan-1, scan-2, ... . In a thread dump or a log, '" + wrong.get(0) + "' says "
                        + "nothing about whose thread it is. Pass a ThreadFactory to newFixedThreadPool: "
                        + "AtomicInteger next = new AtomicInteger(); ThreadFactory f = task -> new Thread(task, "
                        + "\"scan-\" + next.incrementAndGet());");
            }
            CheckReport.note("threads: " + String.join(", ", names));
        }
    }

    // ---- expectations ----

    private static void expectEachOnce(String call, Folder folder, Watched job) {
        for (String name : folder.names()) {
            int times = job.calls.getOrDefault(name, new AtomicInteger()).get();
            if (times != 1) {
                throw new AssertionFailedError(call + " processed " + name + " " + (times == 0 ? "never"
                        : times + " times") + "; every file must be processed exactly once (job.process(file) "
                        + "once per file from Readings.filesIn(folder)). Processed: " + job.calls + ".");
            }
        }
    }

    private static void expectResults(String call, Folder folder, Readings.Report report) {
        Map<String, List<Readings.FileResult>> byName = report.results().stream()
                .collect(Collectors.groupingBy(Readings.FileResult::name));
        for (Readings.FileResult expected : folder.expected()) {
            List<Readings.FileResult> found = byName.getOrDefault(expected.name(), List.of());
            if (found.isEmpty()) {
                throw new AssertionFailedError(call + ": the report has no result for " + expected.name()
                        + ", which was processed without trouble; results for "
                        + names(report.results().stream().map(Readings.FileResult::name)) + ". Every Future's result "
                        + "belongs in the report. If a try block around the whole loop of get() calls catches the "
                        + "first ExecutionException, the loop stops there and the Futures after it are never read: "
                        + "put the try around each get() on its own.");
            }
            if (found.size() > 1) {
                throw new AssertionFailedError(call + ": " + expected.name() + " has " + found.size()
                        + " results in the report. Add each Future's result once.");
            }
            if (!found.get(0).equals(expected)) {
                throw new AssertionFailedError(call + ": the result for " + expected.name() + " is " + found.get(0)
                        + ", but the file holds " + expected + ". Report what job.process(file) returned, unchanged.");
            }
        }
        if (report.results().size() != folder.expected().size()) {
            throw new AssertionFailedError(call + " reported " + report.results().size() + " results for "
                    + folder.expected().size() + " good files: " + names(report.results().stream()
                    .map(Readings.FileResult::name)) + ".");
        }
    }

    private static String names(Stream<String> names) {
        List<String> all = names.toList();
        return all.isEmpty() ? "none" : String.join(", ", all.stream().limit(8).toList())
                + (all.size() > 8 ? ", ..." : "");
    }

    // ---- running scan() ----

    private static Readings.Report scan(Folder folder, Watched job, int threads) throws Exception {
        return start(folder, job, threads).result();
    }

    private static Thread callerOf(Folder folder, Watched job, int threads) throws Exception {
        Call call = start(folder, job, threads);
        call.result();
        return call.caller();
    }

    /** scan() running on a daemon thread of the check's own, waited for through Await: a hang cannot hang the check. */
    private record Call(FutureTask<Readings.Report> task, Thread caller, String what) {
        Readings.Report result() throws Exception {
            return Await.result(task, PATIENCE, what);
        }
    }

    private static Call start(Folder folder, Watched job, int threads) {
        FutureTask<Readings.Report> task = new FutureTask<>(() -> FolderScan.scan(folder.path(), job, threads));
        Thread caller = new Thread(task, "check-caller");
        caller.setDaemon(true);
        caller.start();
        return new Call(task, caller, "scan() of " + folder.describe() + " to return");
    }

    /** The real job, Readings.sumOf, recording which file ran on which thread and what each failure threw. */
    static final class Watched implements Readings.Job {

        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final Map<String, Exception> thrown = new ConcurrentHashMap<>();
        private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        private final ParallelismProbe probe;

        Watched(ParallelismProbe probe) {
            this.probe = probe;
        }

        @Override
        public Readings.FileResult process(Path file) throws IOException {
            String name = Readings.nameOf(file);
            calls.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            threads.add(Thread.currentThread());
            try {
                return probe == null ? Readings.sumOf(file) : probe.wrap(() -> Readings.sumOf(file)).call();
            } catch (IOException | RuntimeException e) {
                thrown.put(name, e);
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        Set<Thread> threads() {
            return new LinkedHashSet<>(threads);
        }
    }

    // ---- the folder ----

    /**
     * A temporary folder of reading files meter-01.txt, meter-02.txt, ...: the first {@code large}
     * hold 80,000 readings each (about 470 KB), the others a few hundred (one is empty). The files at the given
     * positions (0-based, in name order) fail: the first not UTF-8, the second with a line that
     * is not a number. Deleted on close.
     */
    record Folder(Path path, List<String> names, List<Readings.FileResult> expected, List<String> failing)
            implements AutoCloseable {

        static Folder create(int files, int large, List<Integer> failAt) throws IOException {
            Path dir = Files.createTempDirectory("folder-scan-");
            SplittableRandom random = new SplittableRandom();
            List<String> names = new ArrayList<>();
            List<Readings.FileResult> expected = new ArrayList<>();
            List<String> failing = new ArrayList<>();
            for (int i = 0; i < files; i++) {
                String name = String.format("meter-%02d.txt", i + 1);
                names.add(name);
                Path file = dir.resolve(name);
                int bad = failAt.indexOf(i);
                if (bad == 0) {
                    Files.write(file, new byte[] {'4', '2', '\n', (byte) 0xC3, (byte) 0x28, '\n', '7', '\n'});
                    failing.add(name);
                    continue;
                }
                int count = i < large ? 80_000 : i == files - 1 ? 0 : random.nextInt(50, 400);
                StringBuilder text = new StringBuilder(count * 7);
                long sum = 0;
                for (int k = 0; k < count; k++) {
                    int value = random.nextInt(0, 100_000);
                    sum += value;
                    text.append(value).append('\n');
                    if (bad > 0 && k == count / 2) {
                        text.append("12x4\n");
                    }
                }
                Files.writeString(file, text, StandardCharsets.UTF_8);
                if (bad > 0) {
                    failing.add(name);
                } else {
                    expected.add(new Readings.FileResult(name, count, sum));
                }
            }
            return new Folder(dir, List.copyOf(names), List.copyOf(expected), List.copyOf(failing));
        }

        String describe() {
            return Words.plural(names.size(), "file", "files") + (failing.isEmpty() ? ""
                    : " (" + String.join(" and ", failing) + " fail)");
        }

        @Override
        public void close() throws IOException {
            try (Stream<Path> entries = Files.list(path)) {
                for (Path p : entries.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(path);
        }
    }
}
