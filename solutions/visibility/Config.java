package visibility;

import java.util.List;
import java.util.Map;

/*
 * Reference solution for config-once (the configuration).
 *
 * Immutable: the class is final, every field is final and set once in the constructor, and the
 * list is an unmodifiable copy. The Java memory model then guarantees that any thread that sees
 * a reference to a Config sees every field as the constructor left it, however the reference
 * reached it (JLS 17.5), as long as the constructor does not let `this` escape.
 */
public final class Config {

    private final String name;
    private final int port;
    private final List<String> servers;

    public Config(Map<String, String> settings) {
        this.name = settings.get("name");
        this.port = Integer.parseInt(settings.get("port"));
        this.servers = List.of(settings.get("servers").split(","));
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public List<String> servers() {
        return servers;
    }
}
