package visibility;

import java.util.Map;
import java.util.function.Supplier;

/* Known-wrong: locks the creation, but tests for null only outside the lock. */
public class ConfigHolder {

    private final Supplier<Map<String, String>> source;
    private volatile Config config;

    public ConfigHolder(Supplier<Map<String, String>> source) {
        this.source = source;
    }

    public Config get() {
        if (config == null) {
            synchronized (this) {
                config = new Config(source.get());
            }
        }
        return config;
    }
}
