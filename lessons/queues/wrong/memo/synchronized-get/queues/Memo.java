package queues;

// Wrong: get() is synchronized. Each key is loaded once, but every load waits for every
// other, even of unrelated keys.

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

public final class Memo<K, V> {

    private final Function<K, V> loader;
    private final Map<K, V> values = new HashMap<>();

    public Memo(Function<K, V> loader) {
        this.loader = loader;
    }

    public synchronized V get(K key) {
        return values.computeIfAbsent(key, loader);
    }
}
