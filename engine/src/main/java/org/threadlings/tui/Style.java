package org.threadlings.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.util.EnumSet;
import java.util.Set;

/** Colours and text attributes of one cell. */
record Style(TextColor foreground, TextColor background, Set<SGR> attributes) {

    static final Style PLAIN = new Style(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, Set.of());

    Style {
        attributes = attributes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(attributes));
    }

    static Style of(TextColor foreground, SGR... attributes) {
        return new Style(foreground, TextColor.ANSI.DEFAULT, attributes.length == 0 ? Set.of() : Set.of(attributes));
    }

    static Style attributes(SGR... attributes) {
        return of(TextColor.ANSI.DEFAULT, attributes);
    }

    Style on(TextColor newBackground) {
        return new Style(foreground, newBackground, attributes);
    }

    Style plus(Style other) {
        EnumSet<SGR> all = EnumSet.noneOf(SGR.class);
        all.addAll(attributes);
        all.addAll(other.attributes);
        TextColor fg = other.foreground == TextColor.ANSI.DEFAULT ? foreground : other.foreground;
        TextColor bg = other.background == TextColor.ANSI.DEFAULT ? background : other.background;
        return new Style(fg, bg, all);
    }
}
