package org.threadlings.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/** Reading key strokes the same way everywhere: arrows and their vi twins, letters, Ctrl-C. */
final class Keys {

    private Keys() {
    }

    static boolean is(KeyStroke key, char c) {
        return key.getKeyType() == KeyType.Character && !key.isCtrlDown() && !key.isAltDown()
                && key.getCharacter() == c;
    }

    static boolean up(KeyStroke key) {
        return key.getKeyType() == KeyType.ArrowUp || is(key, 'k');
    }

    static boolean down(KeyStroke key) {
        return key.getKeyType() == KeyType.ArrowDown || is(key, 'j');
    }

    static boolean pageUp(KeyStroke key) {
        return key.getKeyType() == KeyType.PageUp || is(key, 'b');
    }

    static boolean pageDown(KeyStroke key) {
        return key.getKeyType() == KeyType.PageDown || is(key, ' ');
    }

    static boolean home(KeyStroke key) {
        return key.getKeyType() == KeyType.Home || is(key, 'g');
    }

    static boolean end(KeyStroke key) {
        return key.getKeyType() == KeyType.End || is(key, 'G');
    }

    static boolean enter(KeyStroke key) {
        return key.getKeyType() == KeyType.Enter;
    }

    static boolean escape(KeyStroke key) {
        return key.getKeyType() == KeyType.Escape;
    }

    static boolean ctrlC(KeyStroke key) {
        return key.getKeyType() == KeyType.Character && key.isCtrlDown() && key.getCharacter() == 'c';
    }

    static boolean tab(KeyStroke key) {
        return key.getKeyType() == KeyType.Tab;
    }

    static boolean backTab(KeyStroke key) {
        return key.getKeyType() == KeyType.ReverseTab;
    }
}
