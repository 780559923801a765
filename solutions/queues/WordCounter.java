package queues;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/*
 * Exercise word-count -- counting words from several threads into one map.
 *
 * Reference solution: merge() does the read, the add and the write for one key as one step,
 * under the map's own per-bin lock, so two threads adding the same word never lose a count and
 * threads adding different words rarely wait for each other.
 */
public final class WordCounter {

    private final Map<String, Long> counts = new ConcurrentHashMap<>();

    /** Adds one to the count of {@code word}; safe to call from many threads at once. */
    public void add(String word) {
        counts.merge(word, 1L, Long::sum);
    }

    /** How many times {@code word} was added. */
    public long countOf(String word) {
        return counts.getOrDefault(word, 0L);
    }

    /** A copy of every count. */
    public Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    /** Counts the words of {@code lines} with {@code threads} threads sharing one WordCounter. */
    public static Map<String, Long> countAll(List<String> lines, int threads) throws InterruptedException {
        WordCounter counter = new WordCounter();
        List<Thread> workers = new ArrayList<>();
        int share = (lines.size() + threads - 1) / threads;
        for (int t = 0; t < threads; t++) {
            int from = Math.min(lines.size(), t * share);
            int to = Math.min(lines.size(), from + share);
            workers.add(Thread.ofPlatform().name("counter-" + t).start(() -> {
                for (String line : lines.subList(from, to)) {
                    for (String word : Tokens.words(line)) {
                        counter.add(word);
                    }
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return counter.counts();
    }
}
