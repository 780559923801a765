package org.threadlings.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.threadlings.markdown.Mark;

/**
 * How roles and Markdown marks look. The colour theme uses the 16 ANSI colours, which every
 * terminal (and every user's palette) renders legibly; the monochrome theme, for NO_COLOR or a
 * terminal without colour, says the same with bold, underline and reverse video.
 */
final class Theme {

    private final boolean colour;
    private final Map<Role, Style> roles = new EnumMap<>(Role.class);
    private final Map<Mark, Style> marks = new EnumMap<>(Mark.class);

    private Theme(boolean colour) {
        this.colour = colour;
    }

    static Theme forEnvironment() {
        boolean noColour = System.getenv("NO_COLOR") != null && !System.getenv("NO_COLOR").isEmpty();
        boolean dumb = "dumb".equals(System.getenv("TERM"));
        return noColour || dumb ? monochrome() : colour();
    }

    boolean isColour() {
        return colour;
    }

    static Theme colour() {
        Theme t = new Theme(true);
        t.roles.put(Role.TEXT, Style.PLAIN);
        t.roles.put(Role.DIM, Style.of(TextColor.ANSI.BLACK_BRIGHT));
        t.roles.put(Role.TITLE_BAR, Style.of(TextColor.ANSI.BLACK, SGR.BOLD).on(TextColor.ANSI.CYAN));
        t.roles.put(Role.FOOTER, Style.of(TextColor.ANSI.WHITE).on(TextColor.ANSI.BLUE));
        t.roles.put(Role.FOOTER_KEY, Style.of(TextColor.ANSI.YELLOW_BRIGHT, SGR.BOLD).on(TextColor.ANSI.BLUE));
        t.roles.put(Role.HEADING, Style.of(TextColor.ANSI.CYAN_BRIGHT, SGR.BOLD));
        t.roles.put(Role.SELECTED, Style.of(TextColor.ANSI.BLACK).on(TextColor.ANSI.WHITE));
        t.roles.put(Role.ACCENT, Style.of(TextColor.ANSI.CYAN));
        t.roles.put(Role.PASS, Style.of(TextColor.ANSI.GREEN_BRIGHT));
        t.roles.put(Role.FAIL, Style.of(TextColor.ANSI.RED_BRIGHT, SGR.BOLD));
        t.roles.put(Role.WARN, Style.of(TextColor.ANSI.YELLOW_BRIGHT));
        t.roles.put(Role.BORDER, Style.of(TextColor.ANSI.BLUE_BRIGHT));
        t.roles.put(Role.BAR, Style.of(TextColor.ANSI.GREEN));
        t.roles.put(Role.BAR_REQUIRED, Style.of(TextColor.ANSI.YELLOW));
        t.roles.put(Role.INPUT, Style.of(TextColor.ANSI.WHITE_BRIGHT, SGR.UNDERLINE));
        t.marks.put(Mark.HEADING1, Style.of(TextColor.ANSI.CYAN_BRIGHT, SGR.BOLD));
        t.marks.put(Mark.HEADING2, Style.of(TextColor.ANSI.CYAN, SGR.BOLD));
        t.marks.put(Mark.HEADING3, Style.attributes(SGR.BOLD));
        t.marks.put(Mark.STRONG, Style.attributes(SGR.BOLD));
        t.marks.put(Mark.EMPHASIS, Style.attributes(SGR.ITALIC));
        t.marks.put(Mark.CODE, Style.of(TextColor.ANSI.YELLOW));
        t.marks.put(Mark.LINK, Style.of(TextColor.ANSI.BLUE_BRIGHT, SGR.UNDERLINE));
        t.marks.put(Mark.URL, Style.of(TextColor.ANSI.BLACK_BRIGHT));
        t.marks.put(Mark.QUOTE, Style.of(TextColor.ANSI.WHITE, SGR.ITALIC));
        t.marks.put(Mark.BULLET, Style.of(TextColor.ANSI.CYAN));
        t.marks.put(Mark.GUTTER, Style.of(TextColor.ANSI.BLACK_BRIGHT));
        t.marks.put(Mark.RULE, Style.of(TextColor.ANSI.BLACK_BRIGHT));
        t.marks.put(Mark.TABLE_BORDER, Style.of(TextColor.ANSI.BLUE_BRIGHT));
        t.marks.put(Mark.TABLE_HEADER, Style.attributes(SGR.BOLD));
        t.marks.put(Mark.CODE_BLOCK, Style.PLAIN);
        t.marks.put(Mark.KEYWORD, Style.of(TextColor.ANSI.MAGENTA_BRIGHT, SGR.BOLD));
        t.marks.put(Mark.STRING, Style.of(TextColor.ANSI.GREEN));
        t.marks.put(Mark.COMMENT, Style.of(TextColor.ANSI.BLACK_BRIGHT, SGR.ITALIC));
        t.marks.put(Mark.NUMBER, Style.of(TextColor.ANSI.CYAN));
        t.marks.put(Mark.ANNOTATION, Style.of(TextColor.ANSI.YELLOW));
        return t;
    }

    static Theme monochrome() {
        Theme t = new Theme(false);
        t.roles.put(Role.TEXT, Style.PLAIN);
        t.roles.put(Role.DIM, Style.PLAIN);
        t.roles.put(Role.TITLE_BAR, Style.attributes(SGR.REVERSE, SGR.BOLD));
        t.roles.put(Role.FOOTER, Style.attributes(SGR.REVERSE));
        t.roles.put(Role.FOOTER_KEY, Style.attributes(SGR.REVERSE, SGR.BOLD));
        t.roles.put(Role.HEADING, Style.attributes(SGR.BOLD, SGR.UNDERLINE));
        t.roles.put(Role.SELECTED, Style.attributes(SGR.REVERSE));
        t.roles.put(Role.ACCENT, Style.attributes(SGR.BOLD));
        t.roles.put(Role.PASS, Style.attributes(SGR.BOLD));
        t.roles.put(Role.FAIL, Style.attributes(SGR.BOLD));
        t.roles.put(Role.WARN, Style.attributes(SGR.UNDERLINE));
        t.roles.put(Role.BORDER, Style.PLAIN);
        t.roles.put(Role.BAR, Style.attributes(SGR.REVERSE));
        t.roles.put(Role.BAR_REQUIRED, Style.attributes(SGR.BOLD));
        t.roles.put(Role.INPUT, Style.attributes(SGR.UNDERLINE));
        for (Mark mark : Mark.values()) {
            t.marks.put(mark, switch (mark) {
                case HEADING1, HEADING2 -> Style.attributes(SGR.BOLD, SGR.UNDERLINE);
                case HEADING3, STRONG, TABLE_HEADER, KEYWORD -> Style.attributes(SGR.BOLD);
                case EMPHASIS, QUOTE -> Style.attributes(SGR.ITALIC);
                case LINK -> Style.attributes(SGR.UNDERLINE);
                default -> Style.PLAIN;
            });
        }
        return t;
    }

    Style role(Role role) {
        return roles.getOrDefault(role, Style.PLAIN);
    }

    Style marks(Set<Mark> set) {
        Style style = Style.PLAIN;
        for (Mark mark : set) {
            style = style.plus(marks.getOrDefault(mark, Style.PLAIN));
        }
        return style;
    }
}
