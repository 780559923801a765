package visibility;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/* Known-wrong: lock-free lazy creation; one Config wins the compareAndSet, but all were loaded. */
public class ConfigHolder {

    private final Supplier<Map<String, String>> source;
    private final AtomicReference<Config> config = new AtomicReference<>();

    public ConfigHolder(Supplier<Map<String, String>> source) {
        this.source = source;
    }

    public Config get() {
        Config current = config.get();
        if (current == null) {
            config.compareAndSet(null, new Config(source.get()));
            current = config.get();
        }
        return current;
    }
}
