package org.threadlings.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.List;

/**
 * A scrollable column of lines: arrows and j/k move a line, PgUp/PgDn (b/space) a page, Home/End
 * (g/G) to the ends. With {@code follow}, it stays at the bottom as lines arrive, until the
 * reader scrolls up.
 */
final class Page {

    private int offset;
    private int lastHeight = 1;
    private int lastSize;
    private boolean followable;
    private boolean follow;

    /** A page that sticks to its last line as lines are added (an output pane). */
    Page following() {
        this.followable = true;
        this.follow = true;
        return this;
    }

    int offset() {
        return offset;
    }

    void scrollTo(int line) {
        offset = Math.max(0, line);
        follow = false;
    }

    void render(Canvas canvas, List<Line> lines) {
        lastHeight = Math.max(1, canvas.height());
        lastSize = lines.size();
        int max = Math.max(0, lines.size() - lastHeight);
        if (follow) {
            offset = max;
        }
        offset = Math.min(offset, max);
        boolean scrollable = lines.size() > lastHeight;
        Canvas text = scrollable ? canvas.region(0, 0, canvas.width() - 1, canvas.height()) : canvas;
        for (int row = 0; row < canvas.height() && offset + row < lines.size(); row++) {
            text.put(0, row, lines.get(offset + row));
        }
        if (scrollable) {
            Scrollbar.render(canvas, lines.size(), offset);
        }
    }

    /** Scroll keys; true if the key was one. */
    boolean handle(KeyStroke key) {
        int max = Math.max(0, lastSize - lastHeight);
        if (Keys.up(key)) {
            offset = Math.max(0, offset - 1);
        } else if (Keys.down(key)) {
            offset = Math.min(max, offset + 1);
        } else if (Keys.pageUp(key)) {
            offset = Math.max(0, offset - Math.max(1, lastHeight - 1));
        } else if (Keys.pageDown(key)) {
            offset = Math.min(max, offset + Math.max(1, lastHeight - 1));
        } else if (Keys.home(key)) {
            offset = 0;
        } else if (Keys.end(key)) {
            offset = max;
        } else {
            return false;
        }
        follow = followable && offset >= max;
        return true;
    }
}
