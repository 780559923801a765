package visibility;

import java.util.Map;
import java.util.function.Supplier;

/*
 * Exercise config-once, part 2 of 2 -- create the Config once, and publish it safely.
 *
 * get() creates the Config the first time it is called, from the settings the source returns
 * (loading them is slow and must happen once), and hands the same Config to every later
 * caller. The hidden checks call get() from up to 12 threads released at the same moment,
 * count how often the source is called, and check what every thread sees. Right now several
 * threads find config == null together and each loads its own Config.
 *
 * What to do: use double-checked locking, done right. Test the field; if it is null, take a
 * lock, test again inside the lock, and only then load and assign. Declare the field so that a
 * thread that finds the reference without taking the lock also sees the finished object.
 * (Making the whole of get() synchronized is correct too, only slower: every call takes the lock.)
 *
 * Edit the field declaration and the body of get(). Keep the class name, the constructor and
 * the signature of get(): the checks call them. Do not load in the constructor: only on the
 * first get().
 *
 *   ./run.sh check config-once     grade it (both files)
 *   ./run.sh hint config-once      one hint at a time
 */
public class ConfigHolder {

    private final Supplier<Map<String, String>> source;
    private Config config;

    public ConfigHolder(Supplier<Map<String, String>> source) {
        this.source = source;
    }

    /** The one Config, loaded from the source on the first call; safe to call from any thread. */
    public Config get() {
        if (config == null) {
            config = new Config(source.get());
        }
        return config;
    }
}
