package org.threadlings.loading;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as lesson authors write them: {@code 1500ms}, {@code 20s}, {@code 2m}. */
final class Durations {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,6})\\s*(ms|s|m)");

    private Durations() {
    }

    static Optional<Duration> parse(String text) {
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        });
    }
}
