package queues;

// Wrong: the value is loaded first and then offered with putIfAbsent(). Every
// thread gets the same value in the end, but each one that found the key missing loaded it.

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
        if (value != null) {
            return value;
        }
        V loaded = loader.apply(key);
        V earlier = values.putIfAbsent(key, loaded);
        return earlier != null ? earlier : loaded;
    }
}
