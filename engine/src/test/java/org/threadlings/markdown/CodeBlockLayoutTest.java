package org.threadlings.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.threadlings.markdown.Rendering.asciiLines;
import static org.threadlings.markdown.Rendering.lines;
import static org.threadlings.markdown.Rendering.render;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodeBlockLayoutTest {

    private static final String COUNTER = """
            ```java
            class Counter {
                private long count;   // 100_000 per thread

                void increment() {
                    count++;
                }
            }
            ```
            """;

    @Test
    void linesKeepTheirIndentationBehindAGutter() {
        assertEquals(List.of(
                "┆ class Counter {",
                "┆     private long count;   // 100_000 per thread",
                "┆",
                "┆     void increment() {",
                "┆         count++;",
                "┆     }",
                "┆ }"), lines(COUNTER, 80));
    }

    @Test
    void codeIsNeverReflowed() {
        assertEquals(List.of("┆ a b", "┆     c"), lines("```\na b\n    c\n```", 40));
    }

    @Test
    void longLinesContinueAfterAMarkerBreakingAfterASpace() {
        assertEquals(List.of(
                "┆ class Counter {",
                "┆     private long count;   //",
                "↪ 100_000 per thread",
                "┆",
                "┆     void increment() {",
                "┆         count++;",
                "┆     }",
                "┆ }"), lines(COUNTER, 30));
    }

    @Test
    void longLinesWithoutSpacesAreCutAnywhere() {
        String word = "x".repeat(45);
        assertEquals(List.of("┆ " + "x".repeat(18), "↪ " + "x".repeat(18), "↪ " + "x".repeat(9)),
                lines("```\n" + word + "\n```", 20));
    }

    @Test
    void continuationMarkerIsAGutterAndMarksSurviveTheCut() {
        RenderedText rendered = render("```java\nString s = \"a string long enough to be cut in two\";\n```", 30);
        StyledLine second = rendered.lines().get(1);
        assertEquals(Set.of(Mark.GUTTER, Mark.CODE_BLOCK), second.spans().getFirst().marks());
        assertTrue(second.spans().get(1).has(Mark.STRING), second.toString());
    }

    @Test
    void javaBlocksAreHighlightedAndAllCodeIsMarked() {
        RenderedText rendered = render(COUNTER, 80);
        assertEquals(Set.of(Mark.GUTTER, Mark.CODE_BLOCK), Rendering.span(rendered.lines().getFirst(), "┆ ").marks());
        assertEquals(Set.of(Mark.CODE_BLOCK, Mark.KEYWORD), Rendering.span(rendered.lines().getFirst(), "class").marks());
        assertEquals(Set.of(Mark.CODE_BLOCK, Mark.COMMENT),
                Rendering.span(rendered.lines().get(1), "// 100_000 per thread").marks());
        assertEquals(Set.of(Mark.CODE_BLOCK), Rendering.span(rendered.lines().get(4), "        count++;").marks());
    }

    @Test
    void otherLanguagesAndIndentedBlocksAreNotHighlighted() {
        RenderedText shell = render("```sh\nwhile true; do ./run.sh; done\n```", 80);
        assertEquals(Set.of(Mark.CODE_BLOCK), Rendering.span(shell, "while true; do ./run.sh; done").marks());
        RenderedText indented = render("text\n\n    int x = 1;\n", 80);
        assertEquals(Set.of(Mark.CODE_BLOCK), Rendering.span(indented, "int x = 1;").marks());
    }

    @Test
    void infoStringMayCarryMoreThanTheLanguage() {
        RenderedText rendered = render("```Java title=\"Counter.java\"\nint x;\n```", 80);
        assertEquals(Set.of(Mark.CODE_BLOCK, Mark.KEYWORD), Rendering.span(rendered, "int").marks());
    }

    @Test
    void tabsExpandToFourColumnStops() {
        assertEquals(List.of("┆     a", "┆ ab  c"), lines("```\n\ta\nab\tc\n```", 40));
    }

    @Test
    void asciiGutterAndContinuation() {
        assertEquals(List.of(": " + "y".repeat(18), "> " + "y".repeat(2)), asciiLines("```\n" + "y".repeat(20) + "\n```", 20));
    }

    @Test
    void emptyBlockIsOneGutterLine() {
        assertEquals(List.of("┆"), lines("```\n```", 40));
    }
}
