package org.threadlings.tui;

/** A one-column scroll bar at a canvas's right edge: where the visible part is, and how big. */
final class Scrollbar {

    private Scrollbar() {
    }

    /**
     * @param total  lines in all
     * @param offset the first line shown; the canvas shows as many as it is high
     */
    static void render(Canvas canvas, int total, int offset) {
        int height = canvas.height();
        int max = Math.max(0, total - height);
        if (max == 0 || height == 0) {
            return;
        }
        int thumb = Math.max(1, height * height / total);
        int position = (height - thumb) * Math.min(offset, max) / max;
        int col = canvas.width() - 1;
        for (int row = 0; row < height; row++) {
            boolean inThumb = row >= position && row < position + thumb;
            canvas.put(col, row, inThumb ? canvas.glyph().block : canvas.glyph().vertical, inThumb ? Role.ACCENT : Role.DIM);
        }
    }
}
