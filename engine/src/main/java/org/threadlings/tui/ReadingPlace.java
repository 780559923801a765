package org.threadlings.tui;

import java.util.List;
import org.threadlings.markdown.Anchor;

/**
 * Where a reader is in a lesson's text, said in a way that survives an edit of the text: the
 * section (the how-manieth heading above the top line) and how far into it. After the edit the
 * same section is found again, even when the sections before it grew or shrank.
 *
 * @param heading the index of the heading above the top line, or -1 above the first heading
 * @param into    lines from that heading (or the top) to the top line
 */
record ReadingPlace(int heading, int into) {

    static ReadingPlace of(List<Anchor> headings, int topLine) {
        int heading = -1;
        for (int i = 0; i < headings.size() && headings.get(i).line() <= topLine; i++) {
            heading = i;
        }
        return new ReadingPlace(heading, topLine - (heading < 0 ? 0 : headings.get(heading).line()));
    }

    /** The top line in the new layout: as far into the same section, but not past its end. */
    int lineIn(List<Anchor> headings) {
        if (heading < 0 || headings.isEmpty()) {
            int end = headings.isEmpty() ? into : headings.get(0).line();
            return Math.min(into, Math.max(0, end - 1));
        }
        int index = Math.min(heading, headings.size() - 1);
        int start = headings.get(index).line();
        int end = index + 1 < headings.size() ? headings.get(index + 1).line() : Integer.MAX_VALUE;
        return Math.min(start + into, Math.max(start, end - 1));
    }
}
