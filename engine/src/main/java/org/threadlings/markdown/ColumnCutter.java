package org.threadlings.markdown;

import java.util.ArrayList;
import java.util.List;

/** Cuts styled text into pieces of at most a given width, anywhere, keeping marks. */
final class ColumnCutter {

    private ColumnCutter() {
    }

    /**
     * Pieces of at most {@code width} columns, at least one. A zero-width character (a combining
     * mark) stays with the character before it; a wide character never straddles a cut.
     */
    static List<StyledLine> cut(List<Span> spans, int width) {
        List<StyledLine> pieces = new ArrayList<>();
        List<Span> piece = new ArrayList<>();
        int pieceWidth = 0;
        for (Span span : spans) {
            StringBuilder run = new StringBuilder();
            for (int i = 0; i < span.text().length(); ) {
                int codePoint = span.text().codePointAt(i);
                int columns = DisplayWidth.of(codePoint);
                if (columns > 0 && pieceWidth + columns > width && pieceWidth > 0) {
                    piece.add(span.withText(run.toString()));
                    pieces.add(new StyledLine(piece));
                    piece = new ArrayList<>();
                    run.setLength(0);
                    pieceWidth = 0;
                }
                run.appendCodePoint(codePoint);
                pieceWidth += columns;
                i += Character.charCount(codePoint);
            }
            piece.add(span.withText(run.toString()));
        }
        pieces.add(new StyledLine(piece));
        return pieces;
    }
}
