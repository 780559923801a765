package visibility;

import java.util.Map;
import java.util.function.Supplier;

/*
 * Reference solution for config-once (the holder): double-checked locking, done right.
 *
 * The first test, without the lock, is the fast path every later call takes. The second test,
 * inside the lock, makes sure only one thread loads. The field is volatile: its write
 * happens-before every read that sees it, so a thread on the fast path that finds the reference
 * also finds the Config complete. The local variable reads the volatile field once on the
 * fast path instead of twice.
 */
public class ConfigHolder {

    private final Supplier<Map<String, String>> source;
    private volatile Config config;

    public ConfigHolder(Supplier<Map<String, String>> source) {
        this.source = source;
    }

    /** The one Config, loaded from the source on the first call; safe to call from any thread. */
    public Config get() {
        Config result = config;
        if (result == null) {
            synchronized (this) {
                result = config;
                if (result == null) {
                    result = new Config(source.get());
                    config = result;
                }
            }
        }
        return result;
    }
}
