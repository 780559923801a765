package org.threadlings.tui;

/** {@code ████████░░░░ 5 of 9 exercises done}, as wide as it is given. */
final class Progressbar {

    private Progressbar() {
    }

    static int render(Canvas canvas, int col, int row, int width, long done, long total, boolean unicode) {
        int filled = total == 0 ? 0 : (int) Math.round(width * (double) done / total);
        String full = unicode ? "█" : "#";
        String empty = unicode ? "░" : ".";
        int next = canvas.put(col, row, full.repeat(filled), Role.BAR);
        return canvas.put(next, row, empty.repeat(Math.max(0, width - filled)), Role.DIM);
    }
}
