package org.threadlings.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.List;
import org.threadlings.report.Wrap;

/** A yes/no question; only {@code y} says yes. */
final class ConfirmOverlay implements Overlay {

    private final String question;
    private final Runnable onYes;

    ConfirmOverlay(String question, Runnable onYes) {
        this.question = question;
        this.onYes = onYes;
    }

    @Override
    public void render(Canvas screen) {
        int width = Math.min(screen.width() - 4, 64);
        List<String> lines = Wrap.lines(question, width - 4);
        int height = Math.min(screen.height() - 2, lines.size() + 4);
        Canvas box = screen.region((screen.width() - width) / 2, (screen.height() - height) / 2, width, height);
        box.clear();
        box.box("Are you sure?");
        for (int i = 0; i < lines.size() && i + 1 < height - 2; i++) {
            box.put(2, i + 1, lines.get(i), Role.TEXT);
        }
        int col = box.put(2, height - 2, "y", Role.ACCENT);
        col = box.put(col, height - 2, " yes   ", Role.TEXT);
        col = box.put(col, height - 2, "any other key", Role.ACCENT);
        box.put(col, height - 2, " no", Role.TEXT);
    }

    @Override
    public boolean handle(KeyStroke key) {
        if (Keys.is(key, 'y') || Keys.is(key, 'Y')) {
            onYes.run();
        }
        return true;
    }
}
