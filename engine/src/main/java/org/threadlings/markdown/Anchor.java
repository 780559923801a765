package org.threadlings.markdown;

/** Where a heading starts in the rendered lines, so a reader can jump between sections. */
public record Anchor(int line, int level, String title) {
}
