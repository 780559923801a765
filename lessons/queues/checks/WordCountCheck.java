package queues.checks;

import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.threadlings.checks.Await;
import org.threadlings.checks.CheckReport;
import org.threadlings.checks.Contention;
import org.threadlings.checks.Progress;
import org.threadlings.checks.RaceCanary;
import org.threadlings.checks.Stress;
import org.threadlings.checks.Structure;
import org.threadlings.checks.Words;
import queues.WordCounter;

/**
 * Exercise word-count: add() must be one atomic step per key, and countAll() must share the lines
 * among threads that really run at once.
 *
 * <p>Race evidence as in the race lesson: after each trial of the student's add(), a
 * {@link RaceCanary} runs through the same loop on as many threads with as many calls; a trial
 * counts only if the canary lost updates. The student's class and the canary run interpreted
 * (jvm-options), so the window between a get() and its put() is as wide as the canary's.
 */
class WordCountCheck {

    private static final String FIX = "Make add() a single compound action on a ConcurrentHashMap: "
            + "counts.merge(word, 1L, Long::sum) reads, adds and writes the count of one key as one step.";

    @Test
    @Order(1)
    @DisplayName("many threads adding the same few words: every count exact")
    void exactUnderContention() {
        Stress.trials().atLeast(4).atMost(60).informative(6).evidence(1_000).within(Duration.ofMillis(1500))
                .run(trial -> {
                    int threads = trial.between(2, 8);
                    int vocabulary = trial.between(2, 24);
                    int each = trial.between(20_000, 80_000);
                    trial.describe(threads + " threads × " + Words.count(each) + " words from a vocabulary of "
                            + vocabulary);
                    // Each thread has String objects of its own, as a tokenizer makes them: equal words
                    // on different threads are never the same object.
                    String[][] words = new String[threads][each];
                    long[] expectedByWord = new long[vocabulary];
                    for (int t = 0; t < threads; t++) {
                        String[] mine = new String[vocabulary];
                        for (int w = 0; w < vocabulary; w++) {
                            mine[w] = new String("word" + (w + 1));
                        }
                        for (int k = 0; k < each; k++) {
                            int w = trial.between(0, vocabulary - 1);
                            words[t][k] = mine[w];
                            expectedByWord[w]++;
                        }
                    }
                    Map<String, Long> expected = new HashMap<>();
                    for (int w = 0; w < vocabulary; w++) {
                        if (expectedByWord[w] > 0) {
                            expected.put("word" + (w + 1), expectedByWord[w]);
                        }
                    }
                    WordCounter counter = new WordCounter();
                    hammer(threads, each, (t, k) -> counter.add(words[t][k]));
                    expectCounts(expected, counter.counts(), threads + " threads added "
                            + Words.count((long) threads * each) + " words to one counter", FIX);
                    RaceCanary canary = new RaceCanary();
                    hammer(threads, each, (t, k) -> canary.poke());
                    trial.raced(canary.lost((long) threads * each));
                });
    }

    @Test
    @Order(2)
    @DisplayName("countAll() counts 300 KB of text exactly, with 4, 3 and 1 threads")
    void countsRealText() throws Exception {
        int[] threadCounts = {4, 3, 1};
        for (int i = 0; i < threadCounts.length; i++) {
            int threads = threadCounts[i];
            List<String> lines = Prose.lines(System.nanoTime() + i, 300_000);
            if (threads > 1 && lines.size() % threads == 0) {
                lines = lines.subList(0, lines.size() - 1); // lines that do not share out evenly
            }
            Map<String, Long> expected = countSequentially(lines);
            Map<String, Long> got = call(lines, threads);
            expectCounts(expected, got, "countAll() over " + Words.count(lines.size()) + " lines ("
                    + Words.count(expected.values().stream().mapToLong(Long::longValue).sum()) + " words) with "
                    + Words.plural(threads, "thread", "threads"), "Every line must go to exactly one thread: with "
                    + "share = lines.size() / threads, the last thread must also take the lines left over (or round "
                    + "the share up), and every word of a line must be added.");
        }
        CheckReport.note("3 texts of about 300 KB counted exactly, with 4, 3 and 1 threads");
    }

    @Test
    @Order(3)
    @DisplayName("countAll(lines, 4) reads lines on 4 threads at the same time")
    void threadsReadTogether() throws Exception {
        int threads = 4;
        List<String> text = Prose.lines(7, 120_000);
        WatchedLines lines = new WatchedLines(text, threads);
        Map<String, Long> got = call(lines, threads);
        Set<Thread> readers = lines.readers();
        if (readers.contains(lines.caller.get()) && readers.size() == 1) {
            throw new AssertionFailedError("Every line was read on the thread that called countAll(): no other "
                    + "thread did any work. Start " + threads + " threads, each reading its own share of the lines.");
        }
        if (readers.size() < threads) {
            throw new AssertionFailedError("countAll(lines, " + threads + ") read the lines on "
                    + Words.plural(readers.size(), "thread", "threads") + " (" + names(readers) + "), expected "
                    + threads + ". Give each of the " + threads + " threads a share of the lines: thread t takes "
                    + "lines from t * share up to (t + 1) * share, the last one up to lines.size().");
        }
        if (!lines.metTogether()) {
            throw new AssertionFailedError("The " + readers.size() + " threads of countAll() read lines one after "
                    + "another, never together: at most " + lines.together() + " had started reading while the "
                    + "first waited 1.5 s for the others. Start every thread before you join any of them.");
        }
        expectCounts(countSequentially(text), got, "countAll() over " + Words.count(text.size()) + " lines", FIX);
        CheckReport.note(threads + " threads read lines at the same time: " + names(readers));
    }

    @Test
    @Order(4)
    @DisplayName("uses ConcurrentHashMap's compound actions, no synchronized or Lock")
    void usesCompoundAction() {
        Structure.of(WordCounter.class)
                .mustUse("a ConcurrentHashMap", List.of("java.util.concurrent.ConcurrentHashMap",
                        "java.util.concurrent.ConcurrentMap"), "Keep the counts in a ConcurrentHashMap.")
                .mustNotUseSynchronized("A lock around the whole map lets one thread count at a time; "
                        + "counts.merge(word, 1L, Long::sum) is atomic for its key without any lock of yours.")
                .mustNotUse("a Lock", List.of("java.util.concurrent.locks."), "ConcurrentHashMap's merge(), "
                        + "compute() and computeIfAbsent() are atomic for their key: no lock of yours is needed.");
    }

    // ---- helpers ----

    @FunctionalInterface
    private interface Step {
        void run(int thread, int k);
    }

    /** threads threads released together, each doing each steps; bounded, and stuck reported. */
    private static void hammer(int threads, int each, Step step) {
        AtomicLongArray done = new AtomicLongArray(threads);
        Progress progress = new Progress(() -> {
            long sum = 0;
            for (int i = 0; i < threads; i++) {
                sum += done.get(i);
            }
            return sum;
        }, (long) threads * each, "words added");
        Contention.threads(threads).named("adder-").timeout(Duration.ofSeconds(10)).progress(progress).run(t -> {
            for (int k = 0; k < each; k++) {
                step.run(t, k);
                done.lazySet(t, k + 1);
            }
        });
    }

    /** Calls countAll on a thread of the check's own, so that a hang is reported, not sat out. */
    private static Map<String, Long> call(List<String> lines, int threads) throws Exception {
        AtomicReference<Map<String, Long>> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread caller = Thread.ofPlatform().daemon(true).name("check: calls countAll()").unstarted(() -> {
            try {
                result.set(WordCounter.countAll(lines, threads));
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        if (lines instanceof WatchedLines watched) {
            watched.caller.set(caller);
        }
        caller.start();
        Await.termination(Duration.ofSeconds(20), caller);
        if (failure.get() != null) {
            Throwable e = failure.get();
            throw new AssertionFailedError("countAll() threw " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")") + "; it must return the counts.", e);
        }
        if (result.get() == null) {
            throw new AssertionFailedError("countAll() returned null; return the counts, for instance counter.counts().");
        }
        return result.get();
    }

    private static Map<String, Long> countSequentially(List<String> lines) {
        Map<String, Long> counts = new HashMap<>();
        for (String line : lines) {
            int start = -1;
            for (int i = 0; i <= line.length(); i++) {
                boolean letter = i < line.length() && Character.isLetter(line.charAt(i));
                if (letter && start < 0) {
                    start = i;
                } else if (!letter && start >= 0) {
                    counts.merge(line.substring(start, i).toLowerCase(Locale.ROOT), 1L, Long::sum);
                    start = -1;
                }
            }
        }
        return counts;
    }

    private static void expectCounts(Map<String, Long> expected, Map<String, Long> got, String what, String fix) {
        if (expected.equals(got)) {
            return;
        }
        long want = expected.values().stream().mapToLong(Long::longValue).sum();
        long have = got.values().stream().mapToLong(v -> v == null ? 0 : v).sum();
        List<String> examples = new ArrayList<>();
        Set<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(got.keySet());
        for (String key : keys) {
            long e = expected.getOrDefault(key, 0L);
            Long g = got.get(key);
            long h = g == null ? 0 : g;
            if (e != h && examples.size() < 3) {
                examples.add("\"" + key + "\" " + Words.count(h) + " instead of " + Words.count(e));
            }
        }
        String lost = have < want ? Words.count(want - have) + " counts lost: " + Words.count(have) + " of "
                + Words.count(want) : have > want ? Words.count(have - want) + " counts too many: " + Words.count(have)
                + " for " + Words.count(want) + " words" : "the total is right but the words differ";
        throw new AssertionFailedError(what + ": " + lost + " (" + String.join(", ", examples) + "). "
                + (have < want ? "Two threads read the same count, both add one, both write it back, and one count "
                + "vanishes; get() then put(), or containsKey() then put(), leaves that gap between the read and the "
                + "write. " : "") + fix);
    }

    private static String names(Set<Thread> threads) {
        return threads.stream().map(t -> "\"" + t.getName() + "\"").sorted().collect(Collectors.joining(", "));
    }

    /**
     * The lines, as a list that notes which threads read it. The first read of each new thread
     * waits (1.5 s at most, and only until one wait has run out) until {@code expected} threads
     * have started reading: proof without a clock that they run together, cheap for correct code.
     */
    private static final class WatchedLines extends AbstractList<String> implements RandomAccess {
        private final List<String> lines;
        private final CountDownLatch arrived;
        private final Set<Thread> readers = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean gaveUp = new AtomicBoolean();
        private final AtomicBoolean met = new AtomicBoolean();
        final AtomicReference<Thread> caller = new AtomicReference<>();
        private final int expected;
        private volatile long arrivedWhenGaveUp;

        WatchedLines(List<String> lines, int expected) {
            this.lines = lines;
            this.expected = expected;
            this.arrived = new CountDownLatch(expected);
        }

        @Override
        public String get(int index) {
            Thread me = Thread.currentThread();
            if (readers.add(me)) {
                arrived.countDown();
                if (!gaveUp.get()) {
                    try {
                        if (arrived.await(1_500, TimeUnit.MILLISECONDS)) {
                            met.set(true);
                        } else if (gaveUp.compareAndSet(false, true)) {
                            arrivedWhenGaveUp = expected - arrived.getCount();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            return lines.get(index);
        }

        @Override
        public int size() {
            return lines.size();
        }

        Set<Thread> readers() {
            return Set.copyOf(readers);
        }

        boolean metTogether() {
            return met.get();
        }

        long together() {
            return arrivedWhenGaveUp;
        }
    }
}
