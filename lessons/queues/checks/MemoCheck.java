package queues.checks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.threadlings.checks.CheckReport;
import org.threadlings.checks.Contention;
import org.threadlings.checks.Stress;
import org.threadlings.checks.Words;
import queues.Memo;

/**
 * Exercise memo: a key is loaded once however many threads ask at once, and loads of different
 * keys do not wait for each other. The loader is the check's: it counts its calls and lingers,
 * so that the other threads arrive while a load is in progress. A trial in which no other thread
 * asked during a load proves nothing and does not count.
 */
class MemoCheck {

    /** How long a load lingers: long enough for threads released together to arrive meanwhile. */
    private static final long LOAD_NANOS = 15_000_000;

    @Test
    @Order(1)
    @DisplayName("one thread: a key asked for twice is loaded once, and get() returns its value")
    void remembers() {
        AtomicInteger loads = new AtomicInteger();
        Memo<String, String> memo = new Memo<>(key -> {
            loads.incrementAndGet();
            return "value of " + key;
        });
        String first = memo.get("river");
        String second = memo.get("river");
        String other = memo.get("lantern");
        if (!"value of river".equals(first) || !"value of lantern".equals(other)) {
            throw new AssertionFailedError("get(\"river\") returned " + quoted(first) + " and get(\"lantern\") "
                    + quoted(other) + "; expected what the loader returned, \"value of river\" and \"value of "
                    + "lantern\". Return the value the loader made (computeIfAbsent returns it).");
        }
        if (second != first || loads.get() != 2) {
            throw new AssertionFailedError("Asked for \"river\" twice and \"lantern\" once, the loader ran "
                    + loads.get() + " times (expected 2), and the second get(\"river\") returned "
                    + (second == first ? "the same" : "another") + " value. Remember each loaded value in the map "
                    + "and return it the next time.");
        }
    }

    @Test
    @Order(2)
    @DisplayName("threads asking for the same new key at once: it is loaded once, all get one value")
    void eachKeyLoadedOnce() {
        Stress.trials().atLeast(4).atMost(40).informative(4).within(Duration.ofMillis(1200)).run(trial -> {
            int threads = trial.between(3, 8);
            int keys = trial.between(1, 3);
            trial.describe(threads + " threads asking for the same " + (keys == 1 ? "new key" : keys + " new keys")
                    + " at once, each load taking 15 ms");
            String[] names = new String[keys];
            for (int k = 0; k < keys; k++) {
                names[k] = "key-" + trial.number() + "-" + k;
            }
            Map<String, AtomicInteger> loads = new ConcurrentHashMap<>();
            Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
            AtomicInteger askedDuringLoad = new AtomicInteger();
            Memo<String, Object> memo = new Memo<>(key -> {
                loads.computeIfAbsent(key, x -> new AtomicInteger()).incrementAndGet();
                int before = asked.get(key).get();
                LockSupport.parkNanos(LOAD_NANOS);
                askedDuringLoad.addAndGet(asked.get(key).get() - before);
                return new Object();
            });
            for (String name : names) {
                asked.put(name, new AtomicInteger());
            }
            AtomicReferenceArray<Object> got = new AtomicReferenceArray<>(threads * keys);
            Contention.threads(threads).named("asker-").timeout(Duration.ofSeconds(10)).run(t -> {
                for (int k = 0; k < keys; k++) {
                    asked.get(names[k]).incrementAndGet();
                    got.set(t * keys + k, memo.get(names[k]));
                }
            });
            for (int k = 0; k < keys; k++) {
                int loaded = loads.getOrDefault(names[k], new AtomicInteger()).get();
                Map<Object, Boolean> distinct = new IdentityHashMap<>();
                for (int t = 0; t < threads; t++) {
                    distinct.put(got.get(t * keys + k), true);
                }
                if (loaded != 1 || distinct.size() != 1) {
                    throw new AssertionFailedError(threads + " threads asked for the new key \"" + names[k]
                            + "\" at the same moment: the loader ran " + Words.plural(loaded, "time", "times")
                            + " (expected once)" + (distinct.size() == 1 ? ", though every thread got the same value "
                            + "in the end (the other loads were wasted)" : " and the threads got "
                            + Words.plural(distinct.size(), "different value", "different values")) + ". Each thread "
                            + "that loaded found the key missing before another had put its value: check-then-act. "
                            + "values.computeIfAbsent(key, loader) on a ConcurrentHashMap checks, loads and puts as "
                            + "one step for that key, so only one thread loads and the others wait for its value.");
                }
            }
            if (askedDuringLoad.get() == 0) {
                trial.uninformative("no thread asked for a key while it was being loaded");
            }
        });
    }

    @Test
    @Order(3)
    @DisplayName("loads of two different keys run at the same time, neither waits for the other")
    void differentKeysLoadTogether() {
        // "a" and "b" fall into different bins of a ConcurrentHashMap, so computeIfAbsent
        // loads them in parallel; each load waits (up to 2 s) until the other has started.
        CountDownLatch bothLoading = new CountDownLatch(2);
        List<String> alone = new ArrayList<>();
        Memo<String, String> memo = new Memo<>(key -> {
            bothLoading.countDown();
            try {
                if (!bothLoading.await(2, TimeUnit.SECONDS)) {
                    synchronized (alone) {
                        alone.add(key);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return key.toUpperCase();
        });
        AtomicReferenceArray<String> got = new AtomicReferenceArray<>(2);
        Contention.threads(2).named("asker-").timeout(Duration.ofSeconds(10))
                .run(t -> got.set(t, memo.get(t == 0 ? "a" : "b")));
        if (!"A".equals(got.get(0)) || !"B".equals(got.get(1))) {
            throw new AssertionFailedError("get(\"a\") and get(\"b\") returned " + quoted(got.get(0)) + " and "
                    + quoted(got.get(1)) + "; expected the loader's values \"A\" and \"B\".");
        }
        synchronized (alone) {
            if (bothLoading.getCount() > 0 || !alone.isEmpty()) {
                throw new AssertionFailedError("Two threads asked for two different keys, \"a\" and \"b\", at once; "
                        + "each load waited 2 s for the other to start, in vain: the loads ran one after the other. "
                        + "A lock around the whole get() (synchronized, or one Lock) makes every load wait for every "
                        + "other, even of unrelated keys. Let ConcurrentHashMap.computeIfAbsent do the locking: it "
                        + "locks only the key's own bin.");
            }
        }
        CheckReport.note("the loads of \"a\" and \"b\" ran at the same time");
    }

    private static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}
