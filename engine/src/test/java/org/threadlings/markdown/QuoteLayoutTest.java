package org.threadlings.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.threadlings.markdown.Rendering.asciiLines;
import static org.threadlings.markdown.Rendering.lines;
import static org.threadlings.markdown.Rendering.render;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuoteLayoutTest {

    @Test
    void everyLineOfAQuoteHasTheGutterAndWrapsInsideIt() {
        assertEquals(List.of(
                "│ Run the example a few times.",
                "│ Each run loses a different",
                "│ number of increments."),
                lines("> Run the example a few times. Each run loses a different number of increments.", 30));
    }

    @Test
    void blankLinesInsideAQuoteKeepTheBarWithoutTrailingSpace() {
        assertEquals(List.of("│ one", "│", "│ two"), lines("> one\n>\n> two", 30));
    }

    @Test
    void nestedQuotesStackTheirGutters() {
        assertEquals(List.of(
                "│ outer",
                "│",
                "│ │ inner text that",
                "│ │ wraps"),
                lines("> outer\n>\n> > inner text that wraps", 20));
    }

    @Test
    void quoteTextIsMarkedAndKeepsItsOwnMarks() {
        RenderedText rendered = render("> a **bold** claim", 30);
        StyledLine line = rendered.lines().getFirst();
        assertEquals(Set.of(Mark.GUTTER, Mark.QUOTE), line.spans().getFirst().marks());
        assertEquals(Set.of(Mark.QUOTE, Mark.STRONG), Rendering.span(rendered, "bold").marks());
        assertTrue(line.spans().stream().allMatch(span -> span.has(Mark.QUOTE)));
    }

    @Test
    void listInsideAQuote() {
        assertEquals(List.of("│ • a", "│ • b"), lines("> - a\n> - b", 30));
    }

    @Test
    void asciiGutter() {
        assertEquals(List.of("| quoted", "|", "| | deeper"), asciiLines("> quoted\n> > deeper", 30));
    }
}
