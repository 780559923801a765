package org.threadlings.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import org.threadlings.markdown.DisplayWidth;

/**
 * A rectangle of the screen to draw in. Everything drawn is clipped to it, by display width, so
 * a view never writes outside its area whatever the text or the terminal's size.
 */
final class Canvas {

    private final TextGraphics graphics;
    private final Theme theme;
    private final Glyph glyph;
    private final int left;
    private final int top;
    private final int width;
    private final int height;

    Canvas(TextGraphics graphics, Theme theme, Glyph glyph, int left, int top, int width, int height) {
        this.graphics = graphics;
        this.theme = theme;
        this.glyph = glyph;
        this.left = left;
        this.top = top;
        this.width = Math.max(0, width);
        this.height = Math.max(0, height);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    Theme theme() {
        return theme;
    }

    Glyph glyph() {
        return glyph;
    }

    /** A part of this canvas; coordinates are relative to this one. */
    Canvas region(int col, int row, int regionWidth, int regionHeight) {
        int w = Math.min(regionWidth, width - col);
        int h = Math.min(regionHeight, height - row);
        return new Canvas(graphics, theme, glyph, left + col, top + row, w, h);
    }

    /** Writes {@code text} from {@code col}; returns the column after it. */
    int put(int col, int row, String text, Role role) {
        return put(col, row, text, theme.role(role));
    }

    int put(int col, int row, String text, Style style) {
        if (row < 0 || row >= height || col >= width) {
            return col;
        }
        apply(style);
        int x = col;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int w = DisplayWidth.of(cp);
            if (x + w > width) {
                break;
            }
            if (x >= 0) {
                graphics.putString(left + x, top + row, new String(Character.toChars(cp)));
            }
            x += w;
            i += Character.charCount(cp);
        }
        return x;
    }

    /** Writes a line, each segment in its own look. */
    int put(int col, int row, Line line) {
        int x = col;
        for (Line.Segment segment : line.segments()) {
            x = put(x, row, segment.text(), theme.role(segment.role()).plus(theme.marks(segment.marks())));
        }
        return x;
    }

    /** Writes a line in one role's look, for a selected row; Markdown marks still apply. */
    int put(int col, int row, Line line, Role override) {
        int x = col;
        for (Line.Segment segment : line.segments()) {
            x = put(x, row, segment.text(), theme.role(override).plus(theme.marks(segment.marks())));
        }
        return x;
    }

    /** Fills a whole row with spaces in {@code role}'s style. */
    void fillRow(int row, Role role) {
        fill(0, row, width, role);
    }

    void fill(int col, int row, int count, Role role) {
        if (row < 0 || row >= height) {
            return;
        }
        put(col, row, " ".repeat(Math.max(0, Math.min(count, width - col))), role);
    }

    void clear() {
        for (int row = 0; row < height; row++) {
            fillRow(row, Role.TEXT);
        }
    }

    /** A box outline around this whole canvas, with an optional title in its top edge. */
    void box(String title) {
        if (width < 2 || height < 2) {
            return;
        }
        Style border = theme.role(Role.BORDER);
        put(0, 0, glyph.topLeft + glyph.horizontal.repeat(width - 2) + glyph.topRight, border);
        for (int row = 1; row < height - 1; row++) {
            put(0, row, glyph.vertical, border);
            put(width - 1, row, glyph.vertical, border);
        }
        put(0, height - 1, glyph.bottomLeft + glyph.horizontal.repeat(width - 2) + glyph.bottomRight, border);
        if (!title.isEmpty()) {
            put(2, 0, " " + title + " ", theme.role(Role.HEADING));
        }
    }

    private void apply(Style style) {
        graphics.setForegroundColor(style.foreground() == null ? TextColor.ANSI.DEFAULT : style.foreground());
        graphics.setBackgroundColor(style.background() == null ? TextColor.ANSI.DEFAULT : style.background());
        graphics.clearModifiers();
        for (SGR sgr : style.attributes()) {
            graphics.enableModifiers(sgr);
        }
    }

    /** Box-drawing characters, with an ASCII fallback for terminals without UTF-8. */
    enum Glyph {
        UNICODE("┌", "┐", "└", "┘", "─", "│", "█"),
        ASCII("+", "+", "+", "+", "-", "|", "#");

        final String topLeft;
        final String topRight;
        final String bottomLeft;
        final String bottomRight;
        final String horizontal;
        final String vertical;
        final String block;

        Glyph(String topLeft, String topRight, String bottomLeft, String bottomRight, String horizontal, String vertical,
              String block) {
            this.topLeft = topLeft;
            this.topRight = topRight;
            this.bottomLeft = bottomLeft;
            this.bottomRight = bottomRight;
            this.horizontal = horizontal;
            this.vertical = vertical;
            this.block = block;
        }
    }
}
