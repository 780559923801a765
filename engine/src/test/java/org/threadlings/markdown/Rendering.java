package org.threadlings.markdown;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

/** Shorthands for rendering Markdown in tests and finding text in the result. */
final class Rendering {

    static final MarkdownRenderer UNICODE = new MarkdownRenderer(Glyphs.UNICODE);
    static final MarkdownRenderer ASCII = new MarkdownRenderer(Glyphs.ASCII);

    private Rendering() {
    }

    static RenderedText render(String markdown, int width) {
        return UNICODE.render(markdown, width);
    }

    /** The plain text of each rendered line. */
    static List<String> lines(String markdown, int width) {
        return render(markdown, width).lines().stream().map(StyledLine::plainText).toList();
    }

    static List<String> asciiLines(String markdown, int width) {
        return ASCII.render(markdown, width).lines().stream().map(StyledLine::plainText).toList();
    }

    /** The one span whose text is exactly {@code text}. */
    static Span span(RenderedText rendered, String text) {
        List<Span> found = rendered.lines().stream()
                .flatMap(line -> line.spans().stream())
                .filter(span -> span.text().equals(text))
                .toList();
        if (found.size() != 1) {
            fail("expected one span \"" + text + "\", found " + found.size() + " in:\n" + rendered.plainText()
                    + "\n" + rendered.lines());
        }
        return found.getFirst();
    }

    static Span span(StyledLine line, String text) {
        return line.spans().stream().filter(span -> span.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no span \"" + text + "\" in " + line));
    }
}
