package org.threadlings.tui;

/**
 * A key and what it does: {@code label} for the footer, where room is short, and {@code detail}
 * for the help overlay, which can say it in full.
 */
record KeyHint(String key, String label, String detail) {

    KeyHint(String key, String label) {
        this(key, label, label);
    }
}
