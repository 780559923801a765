package org.threadlings.markdown;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Table column widths: each column as wide as its content, then narrowed a column at a time
 * until the table fits. Each step narrows the column that makes the table grow the fewest lines,
 * the widest of those on a tie, so slack goes first and long headers over short values wrap
 * before the body does.
 */
final class ColumnWidths {

    private final Table table;
    private final Map<Long, int[]> lineCounts = new HashMap<>();

    private ColumnWidths(Table table) {
        this.table = table;
    }

    /**
     * Widths adding up to at most {@code room}, if there are any that keep every word whole: a
     * table with its words cut apart reads worse than the same table listed row by row.
     */
    static Optional<int[]> fit(Table table, int room) {
        int columns = table.columns();
        int[] widths = new int[columns];
        int[] floors = new int[columns];
        Arrays.fill(floors, 1);
        for (Table.Row row : table.rows()) {
            for (int c = 0; c < columns; c++) {
                Table.Cell cell = row.cells().get(c);
                widths[c] = Math.max(widths[c], cell.naturalWidth());
                floors[c] = Math.max(floors[c], cell.widestWord());
            }
        }
        if (Arrays.stream(floors).sum() > room) {
            return Optional.empty();
        }
        for (int c = 0; c < columns; c++) {
            widths[c] = Math.max(floors[c], Math.min(widths[c], room));
        }
        new ColumnWidths(table).shrink(widths, floors, room);
        return Optional.of(widths);
    }

    private void shrink(int[] widths, int[] floors, int room) {
        while (Arrays.stream(widths).sum() > room) {
            int best = 0;
            int bestHeight = Integer.MAX_VALUE;
            for (int c = 0; c < widths.length; c++) {
                if (widths[c] <= floors[c]) {
                    continue;
                }
                widths[c]--;
                int height = height(widths);
                widths[c]++;
                if (height < bestHeight || height == bestHeight && widths[c] > widths[best]) {
                    best = c;
                    bestHeight = height;
                }
            }
            widths[best]--;
        }
    }

    private int height(int[] widths) {
        int height = 0;
        for (int r = 0; r < table.rows().size(); r++) {
            int rowHeight = 1;
            for (int c = 0; c < widths.length; c++) {
                rowHeight = Math.max(rowHeight, lineCounts(c, widths[c])[r]);
            }
            height += rowHeight;
        }
        return height;
    }

    // How many lines each row's cell in column c takes at a width, computed once per width.
    private int[] lineCounts(int column, int width) {
        return lineCounts.computeIfAbsent((long) column << 32 | width, key -> table.rows().stream()
                .mapToInt(row -> row.cells().get(column).wrap(width).size())
                .toArray());
    }
}
