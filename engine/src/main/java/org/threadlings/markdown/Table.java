package org.threadlings.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.node.Node;

/** A GFM table's cells as marked text, every row with the same number of cells. */
record Table(List<Row> rows, int columns) {

    static Table of(TableBlock block) {
        List<Row> rows = new ArrayList<>();
        for (Node section = block.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                rows.add(row(row));
            }
        }
        int columns = rows.stream().mapToInt(row -> row.cells.size()).max().orElse(0);
        return new Table(rows.stream().map(row -> row.padded(columns)).toList(), columns);
    }

    private static Row row(Node row) {
        List<Cell> cells = new ArrayList<>();
        boolean header = false;
        for (Node node = row.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof TableCell cell) {
                header |= cell.isHeader();
                cells.add(new Cell(InlineText.segments(cell, Set.of()), alignment(cell)));
            }
        }
        return new Row(header, cells);
    }

    private static Alignment alignment(TableCell cell) {
        if (cell.getAlignment() == null) {
            return Alignment.LEFT;
        }
        return switch (cell.getAlignment()) {
            case LEFT -> Alignment.LEFT;
            case CENTER -> Alignment.CENTER;
            case RIGHT -> Alignment.RIGHT;
        };
    }

    enum Alignment { LEFT, CENTER, RIGHT }

    record Row(boolean header, List<Cell> cells) {

        // GFM lets a row have fewer cells than the header; the missing ones are empty.
        private Row padded(int columns) {
            List<Cell> all = new ArrayList<>(cells);
            while (all.size() < columns) {
                all.add(new Cell(List.of(List.of()), Alignment.LEFT));
            }
            return new Row(header, all);
        }
    }

    /** A cell's text, in segments split at hard line breaks. */
    record Cell(List<List<Span>> segments, Alignment alignment) {

        List<StyledLine> wrap(int width) {
            return WordWrapper.wrapSegments(segments, width);
        }

        List<Span> joined() {
            return InlineText.joined(segments);
        }

        int naturalWidth() {
            return segments.stream().mapToInt(WordWrapper::naturalWidth).max().orElse(0);
        }

        int widestWord() {
            return segments.stream().mapToInt(WordWrapper::widestWord).max().orElse(0);
        }
    }
}
