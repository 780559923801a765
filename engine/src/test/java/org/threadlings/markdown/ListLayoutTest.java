package org.threadlings.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.threadlings.markdown.Rendering.asciiLines;
import static org.threadlings.markdown.Rendering.lines;
import static org.threadlings.markdown.Rendering.render;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListLayoutTest {

    @Test
    void bulletItemsWrapWithAHangingIndent() {
        assertEquals(List.of(
                "• get() must use the same",
                "  mechanism as increment().",
                "• volatile alone does not fix",
                "  the counter."),
                lines("- `get()` must use the same mechanism as `increment()`.\n"
                        + "- `volatile` alone does not fix the counter.", 30));
    }

    @Test
    void bulletIsMarked() {
        StyledLine first = render("- item", 40).lines().getFirst();
        assertEquals(List.of(Span.of("• ", Mark.BULLET), Span.plain("item")), first.spans());
    }

    @Test
    void nestedListsIndentUnderTheItemTextWithTheirOwnBullet() {
        assertEquals(List.of(
                "• outer item",
                "  ◦ inner item whose text",
                "    wraps under itself",
                "    ▪ innermost",
                "• second outer"),
                lines("""
                        - outer item
                          - inner item whose text wraps under itself
                            - innermost
                        - second outer
                        """, 28));
    }

    @Test
    void orderedListKeepsItsStartNumberAndAlignsTheText() {
        assertEquals(List.of(
                " 9. nine, wrapping onto",
                "    a second line",
                "10. ten",
                "11. eleven"),
                lines("9. nine, wrapping onto a second line\n10. ten\n11. eleven", 24));
    }

    @Test
    void orderedListKeepsItsDelimiter() {
        assertEquals(List.of("3) three", "4) four"), lines("3) three\n4) four", 24));
    }

    @Test
    void orderedListInsideBulletList() {
        assertEquals(List.of(
                "• steps:",
                "  1. read",
                "  2. modify",
                "  3. write"),
                lines("- steps:\n  1. read\n  2. modify\n  3. write", 40));
    }

    @Test
    void looseListHasBlankLinesBetweenItemsAndBlocks() {
        assertEquals(List.of(
                "• first paragraph",
                "",
                "  second paragraph",
                "",
                "• next item"),
                lines("- first paragraph\n\n  second paragraph\n\n- next item", 40));
    }

    @Test
    void codeBlockInsideAListItemIsIndented() {
        assertEquals(List.of(
                "1. Lock it:",
                "",
                "   ┆ lock.lock();",
                "",
                "2. Done."),
                lines("1. Lock it:\n\n   ```java\n   lock.lock();\n   ```\n\n2. Done.", 40));
    }

    @Test
    void asciiBullets() {
        assertEquals(List.of("* a", "  - b", "    + c"), asciiLines("- a\n  - b\n    - c", 40));
    }

    @Test
    void emptyItemStillShowsItsBullet() {
        assertEquals(List.of("• a", "•", "• c"), lines("- a\n-\n- c", 40));
    }

    @Test
    void listTextKeepsInlineMarks() {
        RenderedText rendered = render("1. **read**: load `count`", 40);
        assertEquals(Set.of(Mark.STRONG), Rendering.span(rendered, "read").marks());
        assertEquals(Set.of(Mark.BULLET), Rendering.span(rendered, "1. ").marks());
    }
}
