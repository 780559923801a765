package queues;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/*
 * Exercise word-count -- counting words from several threads into one map.
 *
 * add(word) is called by many threads at once on one shared WordCounter, and countAll() should
 * share the lines of a text among `threads` threads. Right now add() reads the count with get()
 * and writes it back with put(): two threads can read the same count, both add one, and one word
 * is lost. And countAll() does all the work on the calling thread.
 *
 * What to do:
 *   - keep the counts in a ConcurrentHashMap and make add() one atomic step for its key:
 *     counts.merge(word, 1L, Long::sum) (or compute, or computeIfAbsent with a LongAdder);
 *   - in countAll(), start `threads` threads, give each a share of the lines (every line to
 *     exactly one thread, the last share takes what is left over), let each split its lines
 *     with Tokens.words(line) and add every word to the one shared counter, then join them all.
 * No synchronized and no Lock: the map's compound actions are the point.
 *
 * Edit the field `counts`, add() and countAll(). Keep the signatures; leave Tokens.java as given.
 *
 *   ./run.sh check word-count     grade it
 *   ./run.sh hint word-count      one hint at a time
 */
public final class WordCounter {

    private final Map<String, Long> counts = new HashMap<>();

    /** Adds one to the count of {@code word}; safe to call from many threads at once. */
    public void add(String word) {
        Long count = counts.get(word);
        counts.put(word, count == null ? 1L : count + 1);
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
        for (String line : lines) {
            for (String word : Tokens.words(line)) {
                counter.add(word);
            }
        }
        return counter.counts();
    }
}
