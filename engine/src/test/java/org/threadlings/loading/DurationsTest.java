package org.threadlings.loading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Durations as authors write them: a whole number and one of the units ms, s or m. */
class DurationsTest {

    @Test
    @DisplayName("milliseconds, seconds and minutes")
    void units() {
        assertEquals(Optional.of(Duration.ofMillis(1500)), Durations.parse("1500ms"));
        assertEquals(Optional.of(Duration.ofSeconds(20)), Durations.parse("20s"));
        assertEquals(Optional.of(Duration.ofMinutes(2)), Durations.parse("2m"));
    }

    @Test
    @DisplayName("spaces around the value and before the unit are allowed")
    void spaces() {
        assertEquals(Optional.of(Duration.ofSeconds(20)), Durations.parse(" 20 s "));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "20", "s", "1.5s", "1h", "2 min", "20S", "-1s", "+1s", "1000000ms", "1s500ms"})
    @DisplayName("anything else is not a duration")
    void rejected(String text) {
        assertTrue(Durations.parse(text).isEmpty(), text);
    }
}
