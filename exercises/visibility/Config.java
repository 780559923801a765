package visibility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/*
 * Exercise config-once, part 1 of 2 -- make the configuration immutable.
 *
 * Many threads share one Config (ConfigHolder, the other file of this exercise, hands it out).
 * An object that can never change after its constructor is safe to share: make this one so.
 * The checks look for final fields and try to change the list that servers() returns.
 *
 * What to do: make every field final, and keep servers in a list nobody can change (an
 * unmodifiable copy, such as List.of(...) or List.copyOf(...)). A record would do as well, as
 * long as it keeps the constructor that takes the settings and the three accessors.
 *
 * Edit the field declarations and the constructor. Keep the class name, the constructor's
 * parameter and the three methods: the checks call them.
 *
 *   ./run.sh check config-once     grade it (both files)
 *   ./run.sh hint config-once      one hint at a time
 */
public class Config {

    private String name;
    private int port;
    private List<String> servers;

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
