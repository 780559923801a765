package org.threadlings.markdown;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;

/**
 * Lays out Markdown (CommonMark with GFM tables) for a terminal: wrapped to the width, with marks
 * saying what each piece of text is. No line is ever wider than the width asked for. One renderer
 * can be shared between threads.
 */
public final class MarkdownRenderer {

    /** The narrowest width laid out; lessons are written for 80 columns and read well from 40. */
    public static final int MINIMUM_WIDTH = 20;

    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private final BlockLayout layout;

    public MarkdownRenderer(Glyphs glyphs) {
        this.layout = new BlockLayout(glyphs);
    }

    /**
     * @param width the columns available, at least {@link #MINIMUM_WIDTH}
     */
    public RenderedText render(String markdown, int width) {
        if (width < MINIMUM_WIDTH) {
            throw new IllegalArgumentException("width " + width + " is under the minimum of " + MINIMUM_WIDTH);
        }
        return layout.children(parser.parse(markdown), width, false).toRenderedText();
    }
}
