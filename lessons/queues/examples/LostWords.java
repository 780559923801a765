package queues.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Four threads count the same 2,000,000 words (drawn from 200 words with Zipf's law, as in real
 * prose) into one ConcurrentHashMap, four ways: get() then put(), containsKey() then put(),
 * merge(), and computeIfAbsent() with a LongAdder. Every map call is thread-safe; only the
 * compound actions keep the counts exact.
 */
public class LostWords {

    private static final int THREADS = 4;
    private static final int WORDS = 2_000_000;

    public static void main(String[] args) throws InterruptedException {
        String[] text = text(WORDS, 2026);
        System.out.println(Runtime.getRuntime().availableProcessors() + " processors; " + THREADS + " threads count "
                + String.format("%,d", WORDS) + " words, each thread a quarter of them");
        System.out.println();
        System.out.printf("%-34s %14s %12s %8s%n", "add(word)", "total counted", "lost", "ms");
        for (int round = 0; round < 2; round++) {
            run("get() then put()", text, new ConcurrentHashMap<>(), (map, w) -> {
                Long c = map.get(w);
                map.put(w, c == null ? 1L : c + 1);
            });
            run("containsKey() then put()", text, new ConcurrentHashMap<>(), (map, w) -> {
                if (map.containsKey(w)) {
                    map.put(w, map.get(w) + 1);
                } else {
                    map.put(w, 1L);
                }
            });
            run("merge(w, 1L, Long::sum)", text, new ConcurrentHashMap<>(), (map, w) -> map.merge(w, 1L, Long::sum));
            Map<String, LongAdder> adders = new ConcurrentHashMap<>();
            long start = System.nanoTime();
            count(text, w -> adders.computeIfAbsent(w, k -> new LongAdder()).increment());
            long total = adders.values().stream().mapToLong(LongAdder::sum).sum();
            print("computeIfAbsent + LongAdder", total, start);
            System.out.println();
        }
    }

    private static void run(String name, String[] text, Map<String, Long> map, BiConsumer<Map<String, Long>, String> add)
            throws InterruptedException {
        long start = System.nanoTime();
        count(text, w -> add.accept(map, w));
        print(name, map.values().stream().mapToLong(Long::longValue).sum(), start);
    }

    private static void print(String name, long total, long start) {
        System.out.printf("%-34s %,14d %,12d %8d%n", name, total, WORDS - total, (System.nanoTime() - start) / 1_000_000);
    }

    /** Splits the words among THREADS threads, started together, and waits for all of them. */
    private static void count(String[] text, Consumer<String> add) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        int share = text.length / THREADS;
        for (int t = 0; t < THREADS; t++) {
            int from = t * share;
            int to = t == THREADS - 1 ? text.length : from + share;
            threads.add(Thread.ofPlatform().unstarted(() -> {
                for (int i = from; i < to; i++) {
                    add.accept(text[i]);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
    }

    /** n words drawn from 200 with Zipf's law: "w1" the most common, "w2" half as common, ... */
    private static String[] text(int n, long seed) {
        double[] cumulative = new double[200];
        double sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        SplittableRandom random = new SplittableRandom(seed);
        String[] words = new String[n];
        for (int k = 0; k < n; k++) {
            double u = random.nextDouble() * sum;
            int i = 0;
            while (cumulative[i] < u) {
                i++;
            }
            words[k] = "w" + (i + 1);
        }
        return words;
    }
}
