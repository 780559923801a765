package org.threadlings.tui;

/** A key and what it does, for the footer and the help overlay. */
record KeyHint(String key, String label) {
}
