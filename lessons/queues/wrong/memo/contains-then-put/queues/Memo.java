package queues;

// Wrong: containsKey() then put(): check-then-act, so several threads load the same key.

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
        if (!values.containsKey(key)) {
            values.put(key, loader.apply(key));
        }
        return values.get(key);
    }
}
