package org.threadlings.markdown;

import java.util.ArrayList;
import java.util.List;

/**
 * Fills lines word by word, greedily. Words are runs of text between spaces and may change marks
 * midway ({@code **bold**,}); the spaces between words keep their own marks, so an underlined
 * phrase stays underlined across its spaces. A word wider than the line is cut.
 */
final class WordWrapper {

    private WordWrapper() {
    }

    static List<StyledLine> wrap(List<Span> text, int width) {
        List<StyledLine> lines = new ArrayList<>();
        List<Span> line = new ArrayList<>();
        int lineWidth = 0;
        Gap pendingGap = null;
        for (Piece piece : pieces(text)) {
            if (piece instanceof Gap gap) {
                pendingGap = line.isEmpty() ? null : gap;
                continue;
            }
            Word word = (Word) piece;
            int gapWidth = pendingGap == null ? 0 : pendingGap.space.width();
            if (lineWidth + gapWidth + word.width <= width) {
                if (pendingGap != null) {
                    line.add(pendingGap.space);
                }
                line.addAll(word.spans);
                lineWidth += gapWidth + word.width;
            } else {
                if (!line.isEmpty()) {
                    lines.add(new StyledLine(line));
                }
                List<StyledLine> cut = ColumnCutter.cut(word.spans, width);
                lines.addAll(cut.subList(0, cut.size() - 1));
                StyledLine last = cut.getLast();
                line = new ArrayList<>(last.spans());
                lineWidth = last.width();
            }
            pendingGap = null;
        }
        if (!line.isEmpty()) {
            lines.add(new StyledLine(line));
        }
        return lines;
    }

    /** Each segment wrapped in turn, an empty one giving an empty line. */
    static List<StyledLine> wrapSegments(List<List<Span>> segments, int width) {
        List<StyledLine> lines = new ArrayList<>();
        for (List<Span> segment : segments) {
            List<StyledLine> wrapped = wrap(segment, width);
            lines.addAll(wrapped.isEmpty() ? List.of(StyledLine.empty()) : wrapped);
        }
        return lines;
    }

    /** The width of the text on a single line. */
    static int naturalWidth(List<Span> text) {
        return wrap(text, Integer.MAX_VALUE).stream().mapToInt(StyledLine::width).max().orElse(0);
    }

    /** The width of the widest word: below it, words get cut. */
    static int widestWord(List<Span> text) {
        return pieces(text).stream().mapToInt(piece -> piece instanceof Word word ? word.width : 0).max().orElse(0);
    }

    private static List<Piece> pieces(List<Span> text) {
        List<Piece> pieces = new ArrayList<>();
        List<Span> word = new ArrayList<>();
        for (Span span : text) {
            StringBuilder run = new StringBuilder();
            for (int i = 0; i < span.text().length(); i++) {
                char c = span.text().charAt(i);
                if (c != ' ') {
                    run.append(c);
                    continue;
                }
                if (!run.isEmpty()) {
                    word.add(span.withText(run.toString()));
                    run.setLength(0);
                }
                if (!word.isEmpty()) {
                    pieces.add(new Word(word));
                    word = new ArrayList<>();
                }
                addSpace(pieces, span);
            }
            if (!run.isEmpty()) {
                word.add(span.withText(run.toString()));
            }
        }
        if (!word.isEmpty()) {
            pieces.add(new Word(word));
        }
        return pieces;
    }

    // Runs of spaces collapse to one, except inside inline code, where the author meant them.
    private static void addSpace(List<Piece> pieces, Span span) {
        if (!pieces.isEmpty() && pieces.getLast() instanceof Gap gap) {
            if (span.has(Mark.CODE) && gap.space.marks().equals(span.marks())) {
                pieces.set(pieces.size() - 1, new Gap(gap.space.withText(gap.space.text() + " ")));
            }
            return;
        }
        pieces.add(new Gap(span.withText(" ")));
    }

    private sealed interface Piece permits Word, Gap {
    }

    private record Word(List<Span> spans, int width) implements Piece {
        Word(List<Span> spans) {
            this(List.copyOf(spans), spans.stream().mapToInt(Span::width).sum());
        }
    }

    private record Gap(Span space) implements Piece {
    }
}
