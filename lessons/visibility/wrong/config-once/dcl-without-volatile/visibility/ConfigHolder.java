package visibility;

import java.util.Map;
import java.util.function.Supplier;

/* Known-wrong: classic double-checked locking on a plain field. */
public class ConfigHolder {

    private final Supplier<Map<String, String>> source;
    private Config config;

    public ConfigHolder(Supplier<Map<String, String>> source) {
        this.source = source;
    }

    public Config get() {
        if (config == null) {
            synchronized (this) {
                if (config == null) {
                    config = new Config(source.get());
                }
            }
        }
        return config;
    }
}
