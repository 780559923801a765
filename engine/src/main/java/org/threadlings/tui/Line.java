package org.threadlings.tui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.threadlings.markdown.Mark;
import org.threadlings.markdown.Span;
import org.threadlings.markdown.StyledLine;
import org.threadlings.report.Wrap;

/**
 * One line of a page, in segments. A segment's look is its role (pass, fail, dim…) with the
 * Markdown marks of rendered lesson text on top.
 */
record Line(List<Segment> segments) {

    /** A run of text in one look. */
    record Segment(String text, Role role, Set<Mark> marks) {
    }

    static final Line EMPTY = new Line(List.of());

    Line {
        segments = List.copyOf(segments);
    }

    static Line of(String text, Role role) {
        return new Line(List.of(new Segment(text, role, Set.of())));
    }

    /** Rendered Markdown, after {@code indent}. */
    static Line of(StyledLine markdown, String indent) {
        List<Segment> segments = new ArrayList<>();
        segments.add(new Segment(indent, Role.TEXT, Set.of()));
        for (Span span : markdown.spans()) {
            segments.add(new Segment(span.text(), Role.TEXT, span.marks()));
        }
        return new Line(segments);
    }

    static Line of(Segment... segments) {
        return new Line(List.of(segments));
    }

    static Segment text(String text, Role role) {
        return new Segment(text, role, Set.of());
    }

    /** {@code text} word-wrapped to {@code width}, each line indented by {@code indent}. */
    static List<Line> wrapped(String text, int width, String indent, Role role) {
        List<Line> lines = new ArrayList<>();
        for (String part : Wrap.lines(text, Math.max(10, width - indent.length()))) {
            lines.add(of(indent + part, role));
        }
        return lines;
    }

    /** The same line, every segment in {@code role}'s look (Markdown marks kept). */
    Line in(Role role) {
        return new Line(segments.stream().map(s -> new Segment(s.text(), role, s.marks())).toList());
    }

    String plainText() {
        StringBuilder text = new StringBuilder();
        segments.forEach(s -> text.append(s.text()));
        return text.toString();
    }
}
