package org.threadlings.markdown;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** A run of text on one line, all of it with the same marks. */
public record Span(String text, Set<Mark> marks) {

    public Span {
        Objects.requireNonNull(text, "text");
        marks = marks.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(marks));
    }

    public static Span plain(String text) {
        return new Span(text, Set.of());
    }

    public static Span of(String text, Mark... marks) {
        return new Span(text, Set.copyOf(Arrays.asList(marks)));
    }

    public boolean has(Mark mark) {
        return marks.contains(mark);
    }

    public Span with(Mark mark) {
        if (marks.contains(mark)) {
            return this;
        }
        EnumSet<Mark> more = EnumSet.of(mark);
        more.addAll(marks);
        return new Span(text, more);
    }

    /** Other text with the same marks. */
    public Span withText(String otherText) {
        return new Span(otherText, marks);
    }

    /** Columns this text takes on a terminal. */
    public int width() {
        return DisplayWidth.of(text);
    }
}
