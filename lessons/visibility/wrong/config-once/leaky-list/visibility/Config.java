package visibility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/* Known-wrong: final fields, but the list behind one of them can still be changed by anyone. */
public final class Config {

    private final String name;
    private final int port;
    private final List<String> servers;

    public Config(Map<String, String> settings) {
        name = settings.get("name");
        port = Integer.parseInt(settings.get("port"));
        servers = new ArrayList<>(Arrays.asList(settings.get("servers").split(",")));
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
