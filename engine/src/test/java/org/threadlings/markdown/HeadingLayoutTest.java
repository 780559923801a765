package org.threadlings.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.threadlings.markdown.Rendering.asciiLines;
import static org.threadlings.markdown.Rendering.lines;
import static org.threadlings.markdown.Rendering.render;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeadingLayoutTest {

    private static final String LESSON = """
            # Race conditions

            Intro text.

            ## Lost updates

            More text that is long enough to wrap at a narrow width.

            > ### Inside a quote

            - item
              ## Inside a list

            ### Fixes
            """;

    @Test
    void levelOneAndTwoAreUnderlinedToTheirLength() {
        assertEquals(List.of("Race conditions", "═══════════════", "", "Lost updates", "────────────"),
                lines("# Race conditions\n\n## Lost updates", 40));
        assertEquals(List.of("Race conditions", "===============", "", "Lost updates", "------------"),
                asciiLines("# Race conditions\n\n## Lost updates", 40));
    }

    @Test
    void headingTextAndRuleCarryTheLevelMark() {
        RenderedText rendered = render("# Title\n\n## Section\n\n### Detail\n\n#### Deeper", 40);
        assertEquals(Set.of(Mark.HEADING1), Rendering.span(rendered, "Title").marks());
        assertEquals(Set.of(Mark.HEADING1, Mark.RULE), Rendering.span(rendered, "═════").marks());
        assertEquals(Set.of(Mark.HEADING2), Rendering.span(rendered, "Section").marks());
        assertEquals(Set.of(Mark.HEADING3), Rendering.span(rendered, "Detail").marks());
        assertEquals(Set.of(Mark.HEADING3), Rendering.span(rendered, "Deeper").marks());
    }

    @Test
    void longHeadingWrapsAtWordsAndItsRuleSpansTheLongestLine() {
        assertEquals(List.of("Three ways to make", "count++ atomic", "══════════════════"),
                lines("# Three ways to make `count++` atomic", 20));
    }

    @Test
    void inlineMarksInsideHeadingsAdd() {
        RenderedText rendered = render("## Why `volatile` fails", 40);
        assertEquals(Set.of(Mark.HEADING2, Mark.CODE), Rendering.span(rendered, "volatile").marks());
    }

    @Test
    void anchorsGiveEachHeadingsFirstLine() {
        for (int width : new int[] {20, 40, 80}) {
            RenderedText rendered = render(LESSON, width);
            List<Anchor> headings = rendered.headings();
            assertEquals(List.of("Race conditions", "Lost updates", "Inside a quote", "Inside a list", "Fixes"),
                    headings.stream().map(Anchor::title).toList());
            assertEquals(List.of(1, 2, 3, 2, 3), headings.stream().map(Anchor::level).toList());
            for (Anchor anchor : headings) {
                String line = rendered.lines().get(anchor.line()).plainText();
                assertEquals(true, line.contains(anchor.title().split(" ")[0]),
                        "width " + width + ": line " + anchor.line() + " is \"" + line + "\", not " + anchor.title());
            }
        }
    }

    @Test
    void anchorLinesAtEighty() {
        RenderedText rendered = render(LESSON, 80);
        // 0 title, 1 rule, 3 intro, 5 section, 6 rule, 8 text, 10 quote, 12 item, 13 list heading,
        // 14 its rule, 16 fixes
        assertEquals(List.of(0, 5, 10, 13, 16), rendered.headings().stream().map(Anchor::line).toList());
    }
}
