package visibility;

import java.util.Map;
import java.util.function.Supplier;

/* Known-wrong: caches in a static, non-final field, assigned without a lock. */
public class ConfigHolder {

    private static Config cached;

    private final Supplier<Map<String, String>> source;

    public ConfigHolder(Supplier<Map<String, String>> source) {
        this.source = source;
    }

    public Config get() {
        if (cached == null) {
            cached = new Config(source.get());
        }
        return cached;
    }
}
