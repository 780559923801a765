package org.threadlings.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DisplayWidthTest {

    @Test
    void asciiAndLatinAreOneColumn() {
        assertEquals(5, DisplayWidth.of("count"));
        assertEquals(4, DisplayWidth.of("café"));
    }

    @Test
    void eastAsianWideAndFullwidthAreTwo() {
        assertEquals(4, DisplayWidth.of("並行"));
        assertEquals(6, DisplayWidth.of("スレッド".substring(0, 3)));
        assertEquals(4, DisplayWidth.of("한국"));
        assertEquals(2, DisplayWidth.of("Ａ"));
        assertEquals(2, DisplayWidth.of("🧵"));
    }

    @Test
    void combiningMarksAndInvisiblesAreZero() {
        assertEquals(1, DisplayWidth.of("e\u0301"));
        assertEquals(0, DisplayWidth.of("\u200B"));
        assertEquals(0, DisplayWidth.of("\u200D"));
        assertEquals(0, DisplayWidth.of("\u0007"));
    }

    @Test
    void boxDrawingIsOne() {
        assertEquals(3, DisplayWidth.of("┌─┐"));
        assertEquals(1, DisplayWidth.of("•"));
        assertEquals(1, DisplayWidth.of("↪"));
    }
}
