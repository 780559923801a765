package org.threadlings.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.threadlings.markdown.Rendering.asciiLines;
import static org.threadlings.markdown.Rendering.lines;
import static org.threadlings.markdown.Rendering.render;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TableLayoutTest {

    private static final String INGREDIENTS = """
            | ingredient | in the counter |
            |---|---|
            | state shared by several threads | the `count` field of one `Counter` object |
            | at least one thread writes it | every thread writes it, 100,000 times |
            """;

    @Test
    void columnsTakeTheWidthOfTheirContent() {
        assertEquals(List.of(
                "┌──────┬──────────┐",
                "│ step │ thread A │",
                "╞══════╪══════════╡",
                "│ 1    │ reads 41 │",
                "│ 2    │          │",
                "└──────┴──────────┘"),
                lines("| step | thread A |\n|---|---|\n| 1 | reads 41 |\n| 2 | |", 80));
    }

    @Test
    void tooWideTableWrapsCellsAndSeparatesTheTallerRows() {
        assertEquals(List.of(
                "┌─────────────────┬────────────────────┐",
                "│ ingredient      │ in the counter     │",
                "╞═════════════════╪════════════════════╡",
                "│ state shared by │ the count field of │",
                "│ several threads │ one Counter object │",
                "├─────────────────┼────────────────────┤",
                "│ at least one    │ every thread       │",
                "│ thread writes   │ writes it, 100,000 │",
                "│ it              │ times              │",
                "└─────────────────┴────────────────────┘"),
                lines(INGREDIENTS, 40));
    }

    @Test
    void tableFillsNoMoreThanTheWidthAtAnyWidth() {
        for (int width = MarkdownRenderer.MINIMUM_WIDTH; width <= 100; width++) {
            for (StyledLine line : render(INGREDIENTS, width).lines()) {
                assertTrue(line.width() <= width, "width " + width + ": " + line.plainText());
            }
        }
    }

    @Test
    void wideningStopsAtTheNaturalWidth() {
        List<String> at100 = lines(INGREDIENTS, 100);
        assertEquals("│ state shared by several threads │ the count field of one Counter object │", at100.get(3));
        assertEquals(at100, lines(INGREDIENTS, 140));
    }

    @Test
    void longHeaderOverShortValuesWrapsBeforeTheBodyDoes() {
        List<String> lines = lines("""
                | action | B is guaranteed to see A's earlier writes |
                |---|---|
                | leaves a synchronized block on lock L | yes |
                """, 66);
        assertEquals(List.of(
                "┌───────────────────────────────────────┬────────────────────────┐",
                "│ action                                │ B is guaranteed to see │",
                "│                                       │ A's earlier writes     │",
                "╞═══════════════════════════════════════╪════════════════════════╡",
                "│ leaves a synchronized block on lock L │ yes                    │",
                "└───────────────────────────────────────┴────────────────────────┘"), lines);
    }

    @Test
    void alignmentIsHonoured() {
        assertEquals(List.of(
                "┌───────┬────────┬───────┐",
                "│ left  │ center │ right │",
                "╞═══════╪════════╪═══════╡",
                "│ a     │   b    │     c │",
                "│ 12345 │ 123456 │ 12345 │",
                "└───────┴────────┴───────┘"),
                lines("| left | center | right |\n|:---|:---:|---:|\n| a | b | c |\n| 12345 | 123456 | 12345 |", 40));
    }

    @Test
    void alignmentHoldsInWrappedCells() {
        List<String> lines = lines("| n | note |\n|--:|--:|\n| 1 | one two three four five six seven |", 22);
        assertEquals(List.of(
                "┌───┬────────────────┐",
                "│ n │           note │",
                "╞═══╪════════════════╡",
                "│ 1 │  one two three │",
                "│   │  four five six │",
                "│   │          seven │",
                "└───┴────────────────┘"), lines);
    }

    @Test
    void headerIsMarkedAndInlineMarksStay() {
        RenderedText rendered = render(INGREDIENTS, 100);
        assertEquals(Set.of(Mark.TABLE_HEADER), Rendering.span(rendered, "ingredient").marks());
        assertEquals(Set.of(Mark.CODE), Rendering.span(rendered, "Counter").marks());
        StyledLine top = rendered.lines().getFirst();
        assertEquals(Set.of(Mark.TABLE_BORDER), top.spans().getFirst().marks());
        StyledLine row = rendered.lines().get(3);
        assertEquals(Set.of(Mark.TABLE_BORDER), row.spans().getFirst().marks());
        assertEquals(Set.of(Mark.TABLE_BORDER), row.spans().getLast().marks());
    }

    @Test
    void missingCellsAreEmpty() {
        assertEquals(List.of(
                "┌───┬───┐",
                "│ a │ b │",
                "╞═══╪═══╡",
                "│ 1 │   │",
                "└───┴───┘"), lines("| a | b |\n|---|---|\n| 1 |", 40));
    }

    @Test
    void tableThatCannotKeepItsWordsWholeIsListedRowByRow() {
        assertEquals(List.of(
                "────────────────────",
                "mechanism: volatile",
                "makes writes",
                "visible: yes",
                "────────────────────",
                "mechanism:",
                "AtomicLong and",
                "friends",
                "makes writes",
                "visible: yes",
                "────────────────────"),
                lines("""
                        | mechanism | makes writes visible |
                        |---|---|
                        | `volatile` | yes |
                        | `AtomicLong` and friends | yes |
                        """, 20));
    }

    @Test
    void asciiFrame() {
        assertEquals(List.of(
                "+---+---+",
                "| a | b |",
                "+===+===+",
                "| 1 | 2 |",
                "+---+---+"), asciiLines("| a | b |\n|---|---|\n| 1 | 2 |", 40));
    }

    @Test
    void wideCharactersInCellsLineUp() {
        List<String> lines = lines("| 名前 | x |\n|---|---|\n| 一二三 | y |", 40);
        assertEquals("│ 名前   │ x │", lines.get(1));
        assertEquals("│ 一二三 │ y │", lines.get(3));
    }
}
