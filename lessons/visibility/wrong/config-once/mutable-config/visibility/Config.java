package visibility;

import java.util.List;
import java.util.Map;

/* Known-wrong: fields that are not final; the holder is the reference solution. */
public class Config {

    private String name;
    private int port;
    private List<String> servers;

    public Config(Map<String, String> settings) {
        name = settings.get("name");
        port = Integer.parseInt(settings.get("port"));
        servers = List.of(settings.get("servers").split(","));
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
