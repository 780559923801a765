package queues;

// Wrong: get() then put() on a ConcurrentHashMap. Threads that ask for a new key at the
// same moment all find it missing, and all load it.

import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.function.Function;

public final class Memo<K, V> {

    private final Function<K, V> loader;
    private final Map<K, V> values = new ConcurrentHashMap<>();

    public Memo(Function<K, V> loader) {
        this.loader = loader;
    }

    public V get(K key) {
        V value = values.get(key);
        if (value == null) {
            value = loader.apply(key);
            values.put(key, value);
        }
        return value;
    }
}
