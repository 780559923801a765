package org.threadlings.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void countsHaveThousandsSeparators() {
        assertEquals("1,000,000", Words.count(1_000_000));
        assertEquals("999", Words.count(999));
        assertEquals("-1,234", Words.count(-1234));
    }

    @Test
    void ratiosHaveTwoDecimalsAndATimesSign() {
        assertEquals("1.62×", Words.times(1.6249));
        assertEquals("2.00×", Words.times(2));
    }

    @Test
    void durationsInMillisecondsBelowASecondAndSecondsAbove() {
        assertEquals("120 ms", Words.duration(Duration.ofMillis(120)));
        assertEquals("999 ms", Words.duration(Duration.ofMillis(999)));
        assertEquals("1.00 s", Words.duration(Duration.ofSeconds(1)));
        assertEquals("0 ms", Words.duration(Duration.ofNanos(300)));
        assertEquals("84.50 s", Words.duration(Duration.ofMillis(84_500)));
    }

    @Test
    void pluralFollowsTheCount() {
        assertEquals("1 thread", Words.plural(1, "thread", "threads"));
        assertEquals("0 threads", Words.plural(0, "thread", "threads"));
        assertEquals("1,000 threads", Words.plural(1000, "thread", "threads"));
    }
}
