package visibility.checks;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.threadlings.checks.Contention;
import org.threadlings.checks.Stress;
import org.threadlings.checks.Words;
import visibility.Config;
import visibility.ConfigHolder;

/**
 * Lazy creation and safe publication. The behaviour is stressed (many threads released at once
 * into get() while the first load is still running, with evidence that they were really there
 * together); the publication is judged structurally as well, because a half-built object is
 * allowed by the Java memory model but practically never observable on x86, where stores are
 * not reordered with other stores.
 */
class ConfigHolderCheck {

    /** How long the source waits, inside the first load, for the other readers to arrive in get(). */
    private static final long PATIENCE_NANOS = Duration.ofMillis(100).toNanos();

    /** The settings one trial hands out, random so that nothing can be hard-coded. */
    private record Settings(String name, int port, List<String> servers) {
        static Settings random(Stress.Trial trial) {
            List<String> servers = new ArrayList<>();
            for (int i = trial.between(1, 4); i > 0; i--) {
                servers.add("10.0." + trial.between(0, 255) + "." + trial.between(1, 254));
            }
            return new Settings("service-" + trial.between(100, 999), trial.between(1024, 65535), servers);
        }

        Map<String, String> asMap() {
            return Map.of("name", name, "port", Integer.toString(port), "servers", String.join(",", servers));
        }

        /** What is wrong with {@code seen}, or null if it holds exactly these settings. */
        String differences(Config seen) {
            if (seen == null) {
                return "get() returned null";
            }
            List<String> wrong = new ArrayList<>();
            if (!name.equals(seen.name())) {
                wrong.add("name " + seen.name() + " instead of " + name);
            }
            if (port != seen.port()) {
                wrong.add("port " + seen.port() + " instead of " + port);
            }
            if (!servers.equals(seen.servers())) {
                wrong.add("servers " + seen.servers() + " instead of " + servers);
            }
            return wrong.isEmpty() ? null : "get() returned a Config with " + String.join(", ", wrong);
        }
    }

    /**
     * The settings source a trial gives the holder: counts the loads, and holds the first one
     * open until every reader has called get() (or the patience runs out), so that they really
     * ask while the Config does not exist yet.
     */
    private static final class Source implements Supplier<Map<String, String>> {
        final Settings settings;
        final int readers;
        final AtomicInteger arrived = new AtomicInteger();
        final AtomicInteger loads = new AtomicInteger();
        volatile int arrivedWhileFirstLoadRan = -1;

        Source(Settings settings, int readers) {
            this.settings = settings;
            this.readers = readers;
        }

        @Override
        public Map<String, String> get() {
            boolean first = loads.incrementAndGet() == 1;
            long until = System.nanoTime() + PATIENCE_NANOS;
            while (arrived.get() < readers && System.nanoTime() - until < 0) {
                Thread.onSpinWait();
            }
            if (first) {
                arrivedWhileFirstLoadRan = arrived.get();
            }
            return settings.asMap();
        }
    }

    @Test
    @Order(1)
    @DisplayName("get() loads the settings once, however many threads ask at the same moment")
    void loadsOnce() {
        Stress.trials().atLeast(3).atMost(40).informative(3).within(Duration.ofMillis(1500)).run(trial -> {
            int readers = trial.between(2, 12);
            Source source = new Source(Settings.random(trial), readers);
            trial.describe(readers + " threads calling get() on a new ConfigHolder at once");
            ConfigHolder holder = new ConfigHolder(source);
            if (source.loads.get() > 0) {
                throw new AssertionFailedError("new ConfigHolder(source) already loaded the settings. Load them "
                        + "lazily, on the first call to get(), not in the constructor.");
            }
            Config[] got = new Config[readers];
            Contention.threads(readers).named("reader-").timeout(Duration.ofSeconds(10)).run(i -> {
                source.arrived.incrementAndGet();
                got[i] = holder.get();
            });
            int loads = source.loads.get();
            long distinct = Arrays.stream(got).filter(c -> c != null)
                    .collect(() -> new IdentityHashMap<Config, Boolean>(), (m, c) -> m.put(c, true), Map::putAll).size();
            if (loads != 1 || distinct > 1) {
                throw new AssertionFailedError("the settings were loaded " + Words.plural(loads, "time", "times")
                        + " for " + readers + " threads that called get() at the same moment ("
                        + source.arrivedWhileFirstLoadRan + " of them were inside get() while the first load ran)"
                        + (distinct > 1 ? ", and they got " + distinct + " different Configs" : "")
                        + ". Several threads found no Config yet and each made one. Take a lock, and test the field "
                        + "again inside it before loading: only the first thread in loads, the others find its Config.");
            }
            for (int i = 0; i < readers; i++) {
                String wrong = source.settings.differences(got[i]);
                if (wrong != null) {
                    throw new AssertionFailedError("thread reader-" + i + ": " + wrong + ". get() must return the "
                            + "Config made from this holder's own source.");
                }
            }
            if (source.arrivedWhileFirstLoadRan < 2) {
                trial.uninformative("only " + Math.max(source.arrivedWhileFirstLoadRan, 0)
                        + " thread was inside get() while the first load ran");
            }
        });
    }

    @Test
    @Order(2)
    @DisplayName("every thread sees the Config complete, with the values loaded")
    void readersSeeAllValues() {
        Stress.trials().atLeast(3).atMost(100).within(Duration.ofMillis(800)).run(trial -> {
            int readers = trial.between(2, 8);
            Settings settings = Settings.random(trial);
            trial.describe(readers + " threads calling get() 1,000 times each");
            ConfigHolder holder = new ConfigHolder(settings::asMap);
            Contention.threads(readers).named("reader-").timeout(Duration.ofSeconds(10)).run(i -> {
                Config first = holder.get();
                for (int k = 0; k < 1_000; k++) {
                    Config seen = holder.get();
                    String wrong = settings.differences(seen);
                    if (wrong != null && halfBuilt(seen)) {
                        throw new AssertionError(wrong + " (call " + (k + 1) + "): a Config not yet complete. A "
                                + "reader that gets the reference must see the object complete: publish it through "
                                + "a volatile field, and make Config's fields final.");
                    }
                    if (wrong != null) {
                        throw new AssertionError(wrong + " (call " + (k + 1) + "): values this holder's source "
                                + "never gave, so the Config was made from other settings. Is it kept in a static "
                                + "field, shared by every ConfigHolder? Keep it in an instance field.");
                    }
                    if (seen != first) {
                        throw new AssertionError("get() returned one Config, then a different one " + (k + 1)
                                + (k == 0 ? " call" : " calls") + " later: there must be one Config per holder, "
                                + "made once.");
                    }
                }
            });
        });
    }

    /** Whether a Config looks as if its constructor had not finished: a default value in a field. */
    private static boolean halfBuilt(Config seen) {
        return seen == null || seen.name() == null || seen.port() == 0 || seen.servers() == null;
    }

    @Test
    @Order(3)
    @DisplayName("Config is immutable: final fields, and a list nobody can change")
    void configIsImmutable() {
        List<String> notFinal = Arrays.stream(Config.class.getDeclaredFields())
                .filter(f -> !f.isSynthetic() && !Modifier.isFinal(f.getModifiers()))
                .map(Field::getName).toList();
        if (!notFinal.isEmpty()) {
            throw new AssertionFailedError("Config's " + String.join(", ", notFinal) + (notFinal.size() == 1 ? " is" : " are")
                    + " not final. Final fields set in the constructor are what makes an object safe to share: the "
                    + "Java memory model guarantees that every thread that sees the object sees them as the constructor "
                    + "left them, however the reference reached it. Declare every field final.");
        }
        Config config = new Config(Map.of("name", "check", "port", "8080", "servers", "10.0.0.1,10.0.0.2"));
        List<String> servers = config.servers();
        try {
            servers.add("10.6.6.6");
        } catch (UnsupportedOperationException expected) {
            return;
        }
        throw new AssertionFailedError("servers() returned a list that anyone can change: the check added 10.6.6.6 "
                + "to it and Config now lists " + config.servers() + ". A final field that points to a mutable list "
                + "leaves the object mutable, and every thread shares that list. Keep an unmodifiable copy: "
                + "List.of(...) or List.copyOf(...).");
    }

    @Test
    @Order(4)
    @DisplayName("get() publishes the Config safely: a volatile field, or reads under the lock")
    void publishedSafely() {
        List<SharedFields.Read> reads = SharedFields.unguardedReads(ConfigHolder.class);
        if (reads.isEmpty()) {
            return;
        }
        String field = reads.get(0).field();
        throw new AssertionFailedError("ConfigHolder." + field + " is assigned in get() and read before any lock is "
                + "taken (" + String.join("; ", reads.stream().map(Object::toString).toList()) + "), but it is not "
                + "volatile. Without a happens-before edge, a thread on that path may see the reference before the "
                + "writes made inside the object it points to: the Java memory model allows it, x86 hides it, ARM "
                + "processors show it. Declare the field `private volatile Config " + field + ";` (or make get() "
                + "synchronized).");
    }
}
