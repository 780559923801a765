package org.threadlings.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GlyphsTest {

    private static final String SAMPLE = """
            # Title

            ## Section

            - a
              - b
                - c

            > quoted
            > > deeper

            ```java
            String s = "long enough to need a continuation marker at this width";
            ```

            | a | b |
            |---|---|
            | 1 | two words that wrap |

            ---
            """;

    @Test
    void asciiGlyphsDrawEverythingInAscii() {
        for (int width : new int[] {20, 40, 80}) {
            String text = Rendering.ASCII.render(SAMPLE, width).plainText();
            assertTrue(text.chars().allMatch(c -> c < 128), () -> "not ASCII:\n" + text);
        }
    }

    @Test
    void glyphsFollowTheCharset() {
        assertEquals(Glyphs.UNICODE, Glyphs.forCharset(StandardCharsets.UTF_8));
        assertEquals(Glyphs.ASCII, Glyphs.forCharset(StandardCharsets.US_ASCII));
        assertEquals(Glyphs.ASCII, Glyphs.forCharset(StandardCharsets.ISO_8859_1));
    }

    @Test
    void everyGlyphIsOneColumn() {
        for (Glyphs glyphs : new Glyphs[] {Glyphs.UNICODE, Glyphs.ASCII}) {
            glyphs.bullets().forEach(bullet -> assertEquals(1, DisplayWidth.of(bullet)));
            assertEquals(2, DisplayWidth.of(glyphs.quoteGutter()));
            assertEquals(2, DisplayWidth.of(glyphs.codeGutter()));
            assertEquals(2, DisplayWidth.of(glyphs.continuation()));
            Glyphs.Box box = glyphs.box();
            for (String line : new String[] {box.top(), box.headerSeparator(), box.rowSeparator(), box.bottom()}) {
                assertEquals(4, DisplayWidth.of(line));
            }
            assertEquals(1, DisplayWidth.of(String.valueOf(box.vertical())));
        }
    }
}
