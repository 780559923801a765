package org.threadlings.markdown;

import java.nio.charset.Charset;
import java.util.List;

/**
 * The characters that draw structure: bullets, gutters, rules and table frames. Every glyph must
 * be one column wide.
 *
 * @param bullets bullet list markers, one per nesting level, repeating when lists nest deeper
 * @param quoteGutter the left margin of a block quote line
 * @param codeGutter the left margin of a code block line
 * @param continuation the left margin of a code line too long for the width, continued
 * @param rule draws thematic breaks and the rule under a level-2 heading
 * @param titleRule draws the rule under a level-1 heading
 */
public record Glyphs(List<String> bullets, String quoteGutter, String codeGutter, String continuation,
                     char rule, char titleRule, Box box) {

    public static final Glyphs UNICODE = new Glyphs(List.of("•", "◦", "▪"), "│ ", "┆ ", "↪ ", '─', '═',
            new Box("┌─┬┐", "╞═╪╡", "├─┼┤", "└─┴┘", '│'));

    public static final Glyphs ASCII = new Glyphs(List.of("*", "-", "+"), "| ", ": ", "> ", '-', '=',
            new Box("+-++", "+=++", "+-++", "+-++", '|'));

    public Glyphs {
        bullets = List.copyOf(bullets);
        if (bullets.isEmpty()) {
            throw new IllegalArgumentException("at least one bullet is needed");
        }
    }

    /** Unicode glyphs if {@code charset} can encode them all, ASCII otherwise. */
    public static Glyphs forCharset(Charset charset) {
        return charset.newEncoder().canEncode(UNICODE.allCharacters()) ? UNICODE : ASCII;
    }

    /** The bullet for a list nested {@code depth} lists deep (0 for the outermost). */
    public String bullet(int depth) {
        return bullets.get(depth % bullets.size());
    }

    private String allCharacters() {
        return String.join("", bullets) + quoteGutter + codeGutter + continuation + rule + titleRule
                + box.top + box.headerSeparator + box.rowSeparator + box.bottom + box.vertical;
    }

    /**
     * Table frame pieces. Each horizontal line is four characters: left end, fill, column
     * crossing, right end.
     */
    public record Box(String top, String headerSeparator, String rowSeparator, String bottom, char vertical) {

        public Box {
            for (String line : List.of(top, headerSeparator, rowSeparator, bottom)) {
                if (line.length() != 4) {
                    throw new IllegalArgumentException("a table line needs four characters: " + line);
                }
            }
        }
    }
}
