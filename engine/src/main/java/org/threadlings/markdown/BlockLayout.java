package org.threadlings.markdown;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;

/**
 * Lays out block nodes at a width. Containers (quotes, list items) lay out their children at the
 * width left after their margin and put the margin in front.
 */
final class BlockLayout {

    // Narrower than this, a container drops its margin rather than squeeze its content further.
    private static final int NARROWEST_CONTENT = 10;

    private final Glyphs glyphs;
    private final CodeBlockLayout code;
    private final TableLayout tables;

    BlockLayout(Glyphs glyphs) {
        this.glyphs = glyphs;
        this.code = new CodeBlockLayout(glyphs);
        this.tables = new TableLayout(glyphs);
    }

    /** The children of {@code parent}, with a blank line between them unless {@code tight}. */
    LineBuffer children(Node parent, int width, boolean tight) {
        LineBuffer result = new LineBuffer();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            LineBuffer block = block(child, width);
            if (block.isEmpty()) {
                continue;
            }
            if (!result.isEmpty() && !tight) {
                result.add(StyledLine.empty());
            }
            result.append(block);
        }
        return result;
    }

    private LineBuffer block(Node node, int width) {
        return switch (node) {
            case Paragraph paragraph -> LineBuffer.of(paragraph(paragraph, Set.of(), width));
            case Heading heading -> heading(heading, width);
            case BlockQuote quote -> quote(quote, width);
            case ListBlock list -> list(list, width);
            case FencedCodeBlock fenced -> LineBuffer.of(code.layout(fenced.getLiteral(),
                    fenced.getInfo() == null ? "" : fenced.getInfo(), width));
            case IndentedCodeBlock indented -> LineBuffer.of(code.layout(indented.getLiteral(), "", width));
            case TableBlock table -> LineBuffer.of(tables.layout(table, width));
            case ThematicBreak ignored -> LineBuffer.of(List.of(rule(glyphs.rule(), width, Mark.RULE)));
            case HtmlBlock html -> LineBuffer.of(html(html.getLiteral(), width));
            case LinkReferenceDefinition ignored -> new LineBuffer();
            default -> children(node, width, false);
        };
    }

    private static List<StyledLine> paragraph(Node inlineParent, Set<Mark> marks, int width) {
        return WordWrapper.wrapSegments(InlineText.segments(inlineParent, marks), width);
    }

    private LineBuffer heading(Heading heading, int width) {
        Mark mark = switch (heading.getLevel()) {
            case 1 -> Mark.HEADING1;
            case 2 -> Mark.HEADING2;
            default -> Mark.HEADING3;
        };
        List<StyledLine> lines = paragraph(heading, Set.of(mark), width);
        LineBuffer result = new LineBuffer();
        result.anchorNext(heading.getLevel(), InlineText.plainText(heading));
        lines.forEach(result::add);
        int textWidth = lines.stream().mapToInt(StyledLine::width).max().orElse(0);
        if (heading.getLevel() <= 2 && textWidth > 0) {
            char rule = heading.getLevel() == 1 ? glyphs.titleRule() : glyphs.rule();
            result.add(rule(rule, textWidth, mark).withMark(Mark.RULE));
        }
        return result;
    }

    private LineBuffer quote(BlockQuote quote, int width) {
        StyledLine gutter = StyledLine.of(Span.of(glyphs.quoteGutter(), Mark.GUTTER, Mark.QUOTE));
        if (width - gutter.width() < NARROWEST_CONTENT) {
            return children(quote, width, false).marked(Mark.QUOTE);
        }
        LineBuffer content = children(quote, width - gutter.width(), false);
        if (content.isEmpty()) {
            content.add(StyledLine.empty());
        }
        return content.marked(Mark.QUOTE).indented(gutter, gutter);
    }

    private LineBuffer list(ListBlock list, int width) {
        List<String> markers = markers(list);
        int markerWidth = markers.stream().mapToInt(DisplayWidth::of).max().orElse(0);
        boolean roomy = width - markerWidth >= NARROWEST_CONTENT;
        LineBuffer result = new LineBuffer();
        int index = 0;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            StyledLine marker = StyledLine.of(Span.of(markers.get(index++), Mark.BULLET));
            LineBuffer content = children(item, roomy ? width - markerWidth : width, list.isTight());
            if (!result.isEmpty() && !list.isTight()) {
                result.add(StyledLine.empty());
            }
            if (!roomy) {
                result.add(marker);
                result.append(content);
            } else {
                if (content.isEmpty()) {
                    content.add(StyledLine.empty());
                }
                result.append(content.indented(marker, StyledLine.plain(" ".repeat(markerWidth))));
            }
        }
        return result;
    }

    // Numbers are right-aligned so that item text lines up past "9." and "10.".
    private List<String> markers(ListBlock list) {
        int items = 0;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            items++;
        }
        List<String> markers = new ArrayList<>();
        if (list instanceof OrderedList ordered) {
            int start = ordered.getMarkerStartNumber() == null ? 1 : ordered.getMarkerStartNumber();
            String delimiter = ordered.getMarkerDelimiter() == null ? "." : ordered.getMarkerDelimiter();
            int digits = String.valueOf(start + Math.max(0, items - 1)).length();
            for (int i = 0; i < items; i++) {
                markers.add(String.format("%" + digits + "d", start + i) + delimiter + " ");
            }
        } else {
            String bullet = glyphs.bullet(bulletDepth(list)) + " ";
            for (int i = 0; i < items; i++) {
                markers.add(bullet);
            }
        }
        return markers;
    }

    private static int bulletDepth(Node list) {
        int depth = 0;
        for (Node ancestor = list.getParent(); ancestor != null; ancestor = ancestor.getParent()) {
            if (ancestor instanceof BulletList) {
                depth++;
            }
        }
        return depth;
    }

    // Shown as written, line for line, wrapped like text so that long lines fit.
    private static List<StyledLine> html(String literal, int width) {
        List<List<Span>> lines = Arrays.stream(literal.stripTrailing().split("\r?\n"))
                .map(line -> List.of(Span.plain(line.replace('\t', ' '))))
                .toList();
        return WordWrapper.wrapSegments(lines, width);
    }

    private static StyledLine rule(char glyph, int width, Mark mark) {
        return StyledLine.of(Span.of(String.valueOf(glyph).repeat(width), mark));
    }
}
