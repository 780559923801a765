package queues;

// Wrong: computeIfAbsent() on a plain HashMap shared by threads. It is not atomic there:
// threads load the same key, and the table itself can be corrupted.

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

public final class Memo<K, V> {

    private final Function<K, V> loader;
    private final Map<K, V> values = new HashMap<>();

    public Memo(Function<K, V> loader) {
        this.loader = loader;
    }

    public V get(K key) {
        return values.computeIfAbsent(key, loader);
    }
}
