package queues;

// Wrong: get() then put() on a ConcurrentHashMap. Each call is atomic, the pair is not:
// two threads read the same count and both write back count + 1.

import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;

public final class WordCounter {

    private final Map<String, Long> counts = new ConcurrentHashMap<>();

    public void add(String word) {
        Long count = counts.get(word);
        counts.put(word, count == null ? 1L : count + 1);
    }

    public long countOf(String word) {
        return counts.getOrDefault(word, 0L);
    }

    public Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

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
