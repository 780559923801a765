package queues;

// Wrong: countAll() starts one worker thread for all the lines, whatever `threads` says.

import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;

public final class WordCounter {

    private final Map<String, Long> counts = new ConcurrentHashMap<>();

    public void add(String word) {
        counts.merge(word, 1L, Long::sum);
    }

    public long countOf(String word) {
        return counts.getOrDefault(word, 0L);
    }

    public Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    public static Map<String, Long> countAll(List<String> lines, int threads) throws InterruptedException {
        WordCounter counter = new WordCounter();
        Thread worker = Thread.ofPlatform().name("counter").start(() -> {
            for (String line : lines) {
                for (String word : Tokens.words(line)) {
                    counter.add(word);
                }
            }
        });
        worker.join();
        return counter.counts();
    }
}
