package org.threadlings.tui;

import com.googlecode.lanterna.input.KeyStroke;

/** Something drawn over the current view that takes every key until it closes: help, a question. */
interface Overlay {

    void render(Canvas screen);

    /** Handles a key; returns true when the overlay should close. */
    boolean handle(KeyStroke key);
}
