package org.threadlings.markdown;

import java.util.ArrayList;
import java.util.List;

/** Lines laid out so far, with the headings that start among them. */
final class LineBuffer {

    private final List<StyledLine> lines = new ArrayList<>();
    private final List<Anchor> anchors = new ArrayList<>();

    static LineBuffer of(List<StyledLine> lines) {
        LineBuffer buffer = new LineBuffer();
        buffer.lines.addAll(lines);
        return buffer;
    }

    void add(StyledLine line) {
        lines.add(line);
    }

    /** Marks the next line added as the start of a heading. */
    void anchorNext(int level, String title) {
        anchors.add(new Anchor(lines.size(), level, title));
    }

    void append(LineBuffer other) {
        for (Anchor anchor : other.anchors) {
            anchors.add(new Anchor(anchor.line() + lines.size(), anchor.level(), anchor.title()));
        }
        lines.addAll(other.lines);
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    /**
     * The same lines behind a left margin: {@code first} before the first line, {@code rest}
     * before the others. An empty line gets the margin without its trailing spaces.
     */
    LineBuffer indented(StyledLine first, StyledLine rest) {
        LineBuffer result = new LineBuffer();
        result.anchors.addAll(anchors);
        for (int i = 0; i < lines.size(); i++) {
            StyledLine margin = i == 0 ? first : rest;
            StyledLine line = lines.get(i);
            result.lines.add(line.isEmpty() ? stripTrailingSpaces(margin) : margin.append(line));
        }
        return result;
    }

    /** The same lines with {@code mark} on all their text. */
    LineBuffer marked(Mark mark) {
        LineBuffer result = new LineBuffer();
        result.anchors.addAll(anchors);
        lines.forEach(line -> result.lines.add(line.withMark(mark)));
        return result;
    }

    RenderedText toRenderedText() {
        return new RenderedText(lines, anchors);
    }

    private static StyledLine stripTrailingSpaces(StyledLine line) {
        List<Span> spans = new ArrayList<>(line.spans());
        while (!spans.isEmpty()) {
            Span last = spans.getLast();
            String stripped = last.text().stripTrailing();
            if (!stripped.isEmpty()) {
                spans.set(spans.size() - 1, last.withText(stripped));
                break;
            }
            spans.removeLast();
        }
        return new StyledLine(spans);
    }
}
