package queues;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/*
 * Exercise memo -- load each key once, however many threads ask for it at the same moment.
 *
 * Reference solution: computeIfAbsent runs the loader for a missing key while holding the lock
 * of that key's bin in the table, so other threads asking for the same key wait for that one
 * load and then see its value, while keys in other bins load at the same time.
 */
public final class Memo<K, V> {

    private final Function<K, V> loader;
    private final Map<K, V> values = new ConcurrentHashMap<>();

    public Memo(Function<K, V> loader) {
        this.loader = loader;
    }

    /** The value for {@code key}: loaded the first time it is asked for, remembered after that. */
    public V get(K key) {
        return values.computeIfAbsent(key, loader);
    }
}
