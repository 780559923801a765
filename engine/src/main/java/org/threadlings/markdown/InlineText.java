package org.threadlings.markdown;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/**
 * The inline content of a block (paragraph, heading, table cell) as marked spans, cut into
 * segments at hard line breaks. Soft line breaks become spaces.
 */
final class InlineText {

    private final List<List<Span>> segments = new ArrayList<>();
    private List<Span> segment = new ArrayList<>();

    private InlineText() {
        segments.add(segment);
    }

    static List<List<Span>> segments(Node block, Set<Mark> marks) {
        InlineText text = new InlineText();
        text.children(block, marks.isEmpty() ? EnumSet.noneOf(Mark.class) : EnumSet.copyOf(marks));
        return text.segments;
    }

    /** Segments joined with spaces, for places that keep no line breaks. */
    static List<Span> joined(List<List<Span>> segments) {
        List<Span> joined = new ArrayList<>();
        for (List<Span> segment : segments) {
            if (!joined.isEmpty()) {
                joined.add(Span.plain(" "));
            }
            joined.addAll(segment);
        }
        return joined;
    }

    static String plainText(Node block) {
        return new StyledLine(joined(segments(block, Set.of()))).plainText();
    }

    private void children(Node parent, EnumSet<Mark> marks) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            inline(child, marks);
        }
    }

    private void inline(Node node, EnumSet<Mark> marks) {
        switch (node) {
            case Text text -> add(text.getLiteral(), marks);
            case Code code -> add(code.getLiteral(), plus(marks, Mark.CODE));
            case Emphasis emphasis -> children(emphasis, plus(marks, Mark.EMPHASIS));
            case StrongEmphasis strong -> children(strong, plus(marks, Mark.STRONG));
            case Link link -> linked(link, link.getDestination(), marks);
            case Image image -> {
                add("[", marks);
                linked(image, image.getDestination(), marks);
                add("]", marks);
            }
            case SoftLineBreak ignored -> add(" ", marks);
            case HardLineBreak ignored -> {
                segment = new ArrayList<>();
                segments.add(segment);
            }
            case HtmlInline html -> add(html.getLiteral(), marks);
            default -> children(node, marks);
        }
    }

    // The address follows the text unless it says the same, as an autolink does.
    private void linked(Node link, String destination, EnumSet<Mark> marks) {
        List<Span> startSegment = segment;
        int start = segment.size();
        children(link, plus(marks, Mark.LINK));
        // A hard break inside the link text leaves the text unknown; the address is shown then.
        String text = segment == startSegment
                ? new StyledLine(segment.subList(start, segment.size())).plainText()
                : null;
        if (destination.isEmpty() || destination.equals(text) || destination.equals("mailto:" + text)) {
            return;
        }
        if ("".equals(text)) {
            add(destination, plus(marks, Mark.URL));
            return;
        }
        add(" ", marks);
        add("(" + destination + ")", plus(marks, Mark.URL));
    }

    private void add(String text, Set<Mark> marks) {
        segment.add(new Span(text.replace('\t', ' ').replace('\n', ' '), marks));
    }

    private static EnumSet<Mark> plus(EnumSet<Mark> marks, Mark mark) {
        EnumSet<Mark> more = EnumSet.copyOf(marks);
        more.add(mark);
        return more;
    }
}
