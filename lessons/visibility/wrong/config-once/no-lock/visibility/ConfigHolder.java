package visibility;

import java.util.Map;
import java.util.function.Supplier;

/* Known-wrong: lazy creation without a lock (the starter's holder). */
public class ConfigHolder {

    private final Supplier<Map<String, String>> source;
    private Config config;

    public ConfigHolder(Supplier<Map<String, String>> source) {
        this.source = source;
    }

    public Config get() {
        if (config == null) {
            config = new Config(source.get());
        }
        return config;
    }
}
