package org.threadlings.tui;

/** What a piece of screen is, so that the theme decides how it looks, in colour or without. */
enum Role {
    TEXT,
    DIM,
    TITLE_BAR,
    FOOTER,
    FOOTER_KEY,
    HEADING,
    SELECTED,
    ACCENT,
    PASS,
    FAIL,
    WARN,
    BORDER,
    BAR,
    BAR_REQUIRED,
    INPUT
}
