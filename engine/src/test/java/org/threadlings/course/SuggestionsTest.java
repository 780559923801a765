package org.threadlings.course;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** "Did you mean…" offers names that are plausibly what was meant, and nothing otherwise. */
class SuggestionsTest {

    private static final List<String> KEYS = List.of("id", "title", "files", "task", "hints", "checks",
            "time-limit", "tags", "jvm-options");

    @Test
    @DisplayName("a typo of one or two letters finds the word")
    void typos() {
        assertEquals(List.of("title"), Suggestions.closest("titl", KEYS, 1));
        assertEquals(List.of("checks"), Suggestions.closest("chekcs", KEYS, 1), "two letters swapped");
        assertEquals(List.of("time-limit"), Suggestions.closest("time_limit", KEYS, 1));
        assertEquals(List.of("jvm-options"), Suggestions.closest("jvm-optoins", KEYS, 1));
    }

    @Test
    @DisplayName("a longer word tolerates more mistakes")
    void toleranceGrowsWithLength() {
        List<String> ids = List.of("counter-synchronized");
        assertEquals(ids, Suggestions.closest("counter-syncronised", ids, 1));
        assertEquals(List.of(), Suggestions.closest("cuonter-syncronised", List.of("counter"), 1));
    }

    @Test
    @DisplayName("a part of a name finds the name")
    void substrings() {
        assertEquals(List.of("jvm-options"), Suggestions.closest("options", KEYS, 1));
        assertEquals(List.of("counter-atomic"),
                Suggestions.closest("atomic", List.of("counter-lock", "counter-atomic"), 3));
    }

    @Test
    @DisplayName("letter case does not matter")
    void caseInsensitive() {
        assertEquals(List.of("title"), Suggestions.closest("TITLE", KEYS, 1));
    }

    @Test
    @DisplayName("nothing close, nothing offered")
    void nothingClose() {
        assertEquals(List.of(), Suggestions.closest("colour", KEYS, 3));
        assertEquals(List.of(), Suggestions.closest("x", List.of(), 3));
    }

    @Test
    @DisplayName("the word itself is not suggested")
    void notItself() {
        assertEquals(List.of(), Suggestions.closest("title", List.of("title"), 3));
    }

    @Test
    @DisplayName("closest first, ties alphabetical, at most the limit; far ones left out")
    void orderAndLimit() {
        List<String> ids = List.of("counter-loch", "counter-lack", "counter", "counter-lock");
        assertEquals(List.of("counter-lock", "counter-lack", "counter-loch"), Suggestions.closest("counter-lok", ids, 5));
        assertEquals(List.of("counter-lock", "counter-lack"), Suggestions.closest("counter-lok", ids, 2));
    }
}
