package org.threadlings.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.List;

/** {@code ?}: every key of the current screen, and the keys that work everywhere. */
final class HelpOverlay implements Overlay {

    private static final List<KeyHint> EVERYWHERE = List.of(
            new KeyHint("?", "this help"),
            new KeyHint("q  Esc", "back (quit on the first screen)"),
            new KeyHint("Q  Ctrl-C", "quit"),
            new KeyHint("Ctrl-L", "redraw the screen"));

    private final List<KeyHint> keys;

    HelpOverlay(List<KeyHint> viewKeys) {
        this.keys = new ArrayList<>(viewKeys);
        this.keys.addAll(EVERYWHERE);
    }

    @Override
    public void render(Canvas screen) {
        int keyWidth = keys.stream().mapToInt(k -> k.key().length()).max().orElse(1);
        int labelWidth = keys.stream().mapToInt(k -> k.detail().length()).max().orElse(1);
        int width = Math.min(screen.width() - 4, keyWidth + labelWidth + 7);
        int height = Math.min(screen.height() - 2, keys.size() + 4);
        Canvas box = screen.region((screen.width() - width) / 2, (screen.height() - height) / 2, width, height);
        box.clear();
        box.box("Keys");
        for (int i = 0; i < keys.size() && i + 2 < height - 1; i++) {
            KeyHint hint = keys.get(i);
            box.put(2, i + 1, hint.key(), Role.ACCENT);
            box.put(3 + keyWidth, i + 1, hint.detail(), Role.TEXT);
        }
        box.put(2, height - 2, "any key closes this", Role.DIM);
    }

    @Override
    public boolean handle(KeyStroke key) {
        return true;
    }
}
