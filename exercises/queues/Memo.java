package queues;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/*
 * Exercise memo -- load each key once, however many threads ask for it at the same moment.
 *
 * A Memo remembers what its loader returned for each key. Loading is slow (think of a database
 * query or a parsed file), so the second request for a key must get the remembered value, not
 * load it again. Right now get() checks the map, loads when the key is missing and puts the
 * value: check-then-act. Eight threads asking for the same new key at once all find it missing
 * and all load it.
 *
 * What to do: keep the values in a ConcurrentHashMap and let one compound action do the check,
 * the load and the put for a key: values.computeIfAbsent(key, loader). Threads asking for the
 * same key then wait for the one load; threads asking for other keys do not wait for it. No
 * synchronized and no Lock: a lock around the whole get() would make every load wait for every
 * other.
 *
 * Edit the field `values` and get(). Keep the constructor and the signatures.
 *
 *   ./run.sh check memo     grade it
 *   ./run.sh hint memo      one hint at a time
 */
public final class Memo<K, V> {

    private final Function<K, V> loader;
    private final Map<K, V> values = new HashMap<>();

    public Memo(Function<K, V> loader) {
        this.loader = loader;
    }

    /** The value for {@code key}: loaded the first time it is asked for, remembered after that. */
    public V get(K key) {
        V value = values.get(key);
        if (value == null) {
            value = loader.apply(key);
            values.put(key, value);
        }
        return value;
    }
}
