package org.threadlings.markdown;

import java.util.List;
import java.util.stream.Collectors;

/** Lines laid out for one width, and the headings among them in document order. */
public record RenderedText(List<StyledLine> lines, List<Anchor> headings) {

    public RenderedText {
        lines = List.copyOf(lines);
        headings = List.copyOf(headings);
    }

    /** The lines without marks, joined with newlines. */
    public String plainText() {
        return lines.stream().map(StyledLine::plainText).collect(Collectors.joining("\n"));
    }
}
