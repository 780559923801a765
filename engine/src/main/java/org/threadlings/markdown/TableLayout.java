package org.threadlings.markdown;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;

/**
 * A GFM table drawn in a box, cells wrapped to the widths {@link ColumnWidths} allows. A table
 * that cannot fit without cutting words apart is listed row by row instead, as "header: value"
 * lines.
 */
final class TableLayout {

    private final Glyphs glyphs;

    TableLayout(Glyphs glyphs) {
        this.glyphs = glyphs;
    }

    List<StyledLine> layout(TableBlock block, int width) {
        Table table = Table.of(block);
        if (table.columns() == 0) {
            return List.of();
        }
        return ColumnWidths.fit(table, width - frameWidth(table.columns()))
                .map(widths -> boxed(table, widths))
                .orElseGet(() -> stacked(table, width));
    }

    // A border before each column and after the last, and a space either side of each cell.
    private static int frameWidth(int columns) {
        return columns + 1 + 2 * columns;
    }

    private List<StyledLine> boxed(Table table, int[] widths) {
        List<List<List<StyledLine>>> wrapped = new ArrayList<>();
        boolean tallBodyRow = false;
        for (Table.Row row : table.rows()) {
            List<List<StyledLine>> cells = new ArrayList<>();
            for (int c = 0; c < widths.length; c++) {
                cells.add(row.cells().get(c).wrap(widths[c]));
                tallBodyRow |= !row.header() && cells.getLast().size() > 1;
            }
            wrapped.add(cells);
        }
        Glyphs.Box box = glyphs.box();
        List<StyledLine> lines = new ArrayList<>();
        lines.add(border(box.top(), widths));
        for (int r = 0; r < table.rows().size(); r++) {
            Table.Row row = table.rows().get(r);
            if (r > 0 && !row.header()) {
                // Once a row takes several lines, rules between rows show where each one ends.
                if (table.rows().get(r - 1).header()) {
                    lines.add(border(box.headerSeparator(), widths));
                } else if (tallBodyRow) {
                    lines.add(border(box.rowSeparator(), widths));
                }
            }
            lines.addAll(rowLines(row, wrapped.get(r), widths));
        }
        lines.add(border(box.bottom(), widths));
        return lines;
    }

    private List<StyledLine> rowLines(Table.Row row, List<List<StyledLine>> cells, int[] widths) {
        int height = cells.stream().mapToInt(List::size).max().orElse(1);
        Span vertical = Span.of(String.valueOf(glyphs.box().vertical()), Mark.TABLE_BORDER);
        List<StyledLine> lines = new ArrayList<>();
        for (int i = 0; i < height; i++) {
            List<Span> spans = new ArrayList<>();
            spans.add(vertical);
            for (int c = 0; c < widths.length; c++) {
                List<StyledLine> cellLines = cells.get(c);
                StyledLine text = i < cellLines.size() ? cellLines.get(i) : StyledLine.empty();
                if (row.header()) {
                    text = text.withMark(Mark.TABLE_HEADER);
                }
                int free = widths[c] - text.width();
                int before = switch (row.cells().get(c).alignment()) {
                    case LEFT -> 0;
                    case CENTER -> free / 2;
                    case RIGHT -> free;
                };
                spans.add(Span.plain(" ".repeat(1 + before)));
                spans.addAll(text.spans());
                spans.add(Span.plain(" ".repeat(1 + free - before)));
                spans.add(vertical);
            }
            lines.add(new StyledLine(spans));
        }
        return lines;
    }

    private static StyledLine border(String pieces, int[] widths) {
        StringBuilder line = new StringBuilder().append(pieces.charAt(0));
        for (int c = 0; c < widths.length; c++) {
            line.append(String.valueOf(pieces.charAt(1)).repeat(widths[c] + 2));
            line.append(pieces.charAt(c == widths.length - 1 ? 3 : 2));
        }
        return StyledLine.of(Span.of(line.toString(), Mark.TABLE_BORDER));
    }

    private List<StyledLine> stacked(Table table, int width) {
        Table.Row first = table.rows().getFirst();
        Table.Row header = first.header() ? first : null;
        List<Table.Row> body = table.rows().stream().filter(row -> !row.header()).toList();
        StyledLine rule = StyledLine.of(Span.of(String.valueOf(glyphs.rule()).repeat(width), Mark.TABLE_BORDER));
        List<StyledLine> lines = new ArrayList<>();
        for (Table.Row row : body.isEmpty() ? table.rows() : body) {
            lines.add(rule);
            for (int c = 0; c < table.columns(); c++) {
                List<Span> text = new ArrayList<>();
                if (header != null && row != header) {
                    header.cells().get(c).joined().forEach(span -> text.add(span.with(Mark.TABLE_HEADER)));
                    text.add(Span.of(":", Mark.TABLE_HEADER));
                    text.add(Span.plain(" "));
                }
                text.addAll(row.cells().get(c).joined());
                lines.addAll(WordWrapper.wrap(text, width));
            }
        }
        lines.add(rule);
        return lines;
    }
}
