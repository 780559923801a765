package org.threadlings.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.threadlings.markdown.Rendering.lines;
import static org.threadlings.markdown.Rendering.render;
import static org.threadlings.markdown.Rendering.span;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParagraphLayoutTest {

    @Test
    void wrapsWordsGreedilyToTheWidth() {
        String text = "Start ten threads. Give each the same job: add one to a shared counter, 100,000 times.";
        assertEquals(List.of(
                "Start ten threads. Give each",
                "the same job: add one to a",
                "shared counter, 100,000 times."), lines(text, 30));
    }

    @Test
    void softBreaksBecomeSpacesAndHardBreaksBreak() {
        assertEquals(List.of("one two three", "four"), lines("one\ntwo\nthree  \nfour", 40));
        assertEquals(List.of("one", "two"), lines("one\\\ntwo", 40));
    }

    @Test
    void blankLineBetweenParagraphs() {
        assertEquals(List.of("First.", "", "Second."), lines("First.\n\n\n\nSecond.", 40));
    }

    @Test
    void emphasisStrongAndCodeAreMarked() {
        RenderedText rendered = render("A *little*, a **lot**, and `count++`.", 40);
        assertEquals("A little, a lot, and count++.", rendered.plainText());
        assertEquals(Set.of(Mark.EMPHASIS), span(rendered, "little").marks());
        assertEquals(Set.of(Mark.STRONG), span(rendered, "lot").marks());
        assertEquals(Set.of(Mark.CODE), span(rendered, "count++").marks());
    }

    @Test
    void nestedInlineStylesCombine() {
        RenderedText rendered = render("***both*** and **bold `code`**", 40);
        assertEquals(Set.of(Mark.EMPHASIS, Mark.STRONG), span(rendered, "both").marks());
        assertEquals(Set.of(Mark.STRONG, Mark.CODE), span(rendered, "code").marks());
    }

    @Test
    void stylesSurviveAWrapAndSpacesInsideKeepThem() {
        RenderedText rendered = render("That is a **race condition that spans lines**: bad.", 20);
        assertEquals(List.of("That is a race", "condition that spans", "lines: bad."),
                rendered.lines().stream().map(StyledLine::plainText).toList());
        assertEquals(Set.of(Mark.STRONG), span(rendered, "race").marks());
        assertEquals(Set.of(Mark.STRONG), span(rendered, "condition that spans").marks());
        assertEquals(Set.of(Mark.STRONG), span(rendered, "lines").marks());
        assertEquals(Set.of(), span(rendered, ": bad.").marks());
        assertEquals(List.of(Span.plain("That is a "), Span.of("race", Mark.STRONG)), rendered.lines().get(0).spans());
    }

    @Test
    void wordLongerThanTheWidthIsCut() {
        List<String> lines = lines("see java.util.concurrent.atomic.AtomicLongFieldUpdater now", 20);
        assertEquals(List.of("see", "java.util.concurrent", ".atomic.AtomicLongFi", "eldUpdater now"), lines);
    }

    @Test
    void linkShowsItsAddressAfterTheText() {
        RenderedText rendered = render("Read [the JLS](https://docs.oracle.com/javase/specs/) first.", 80);
        assertEquals("Read the JLS (https://docs.oracle.com/javase/specs/) first.", rendered.plainText());
        assertEquals(Set.of(Mark.LINK), span(rendered, "the JLS").marks());
        assertEquals(Set.of(Mark.URL), span(rendered, "(https://docs.oracle.com/javase/specs/)").marks());
    }

    @Test
    void autolinkShowsTheAddressOnce() {
        RenderedText rendered = render("See <https://openjdk.org> or <duke@openjdk.org>.", 80);
        assertEquals("See https://openjdk.org or duke@openjdk.org.", rendered.plainText());
        assertEquals(Set.of(Mark.LINK), span(rendered, "https://openjdk.org").marks());
    }

    @Test
    void inlineHtmlIsPlainText() {
        assertEquals("a <kbd>Ctrl</kbd> b", render("a <kbd>Ctrl</kbd> b", 40).plainText());
    }

    @Test
    void htmlBlockIsPlainText() {
        assertEquals(List.of("<details>", "<summary>Hint</summary>", "</details>", "", "after"),
                lines("<details>\n<summary>Hint</summary>\n</details>\n\nafter", 40));
    }

    @Test
    void thematicBreakIsARuleAcrossTheWidth() {
        RenderedText rendered = render("above\n\n---\n\nbelow", 24);
        assertEquals(List.of("above", "", "─".repeat(24), "", "below"),
                rendered.lines().stream().map(StyledLine::plainText).toList());
        assertEquals(Set.of(Mark.RULE), rendered.lines().get(2).spans().getFirst().marks());
    }

    @Test
    void wideCharactersCountTwoColumnsAndCombiningMarksNone() {
        // Ten ideographs are twenty columns: at width 21, nine fit beside "a".
        List<String> lines = lines("a 一二三四五六七八九十", 21);
        assertEquals(List.of("a", "一二三四五六七八九十"), lines);
        List<String> cut = lines("一二三四五六七八九十一二", 21);
        assertEquals(List.of("一二三四五六七八九十", "一二"), cut);
        // An "e" with a combining acute accent is one column: two words of ten do not fit in 20.
        String accented = "e\u0301".repeat(10);
        assertEquals(List.of(accented, accented), lines(accented + " " + accented, 20));
    }

    @Test
    void refusesWidthsUnderTheMinimum() {
        assertThrows(IllegalArgumentException.class,
                () -> render("x", MarkdownRenderer.MINIMUM_WIDTH - 1));
        assertEquals(1, render("x", MarkdownRenderer.MINIMUM_WIDTH).lines().size());
    }

    @Test
    void linkReferenceDefinitionsLeaveNoTrace() {
        assertEquals(List.of("see docs (https://x.org)", "", "end"), lines("see [docs]\n\n[docs]: https://x.org\n\nend", 40));
    }
}
