package org.threadlings.markdown;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A code block, line for line as written, behind a gutter. A line too long for the width
 * continues on the next with a continuation marker in the gutter: code is never re-flowed and
 * never silently cut.
 */
final class CodeBlockLayout {

    private static final int TAB_STOP = 4;

    private final Glyphs glyphs;
    private final JavaHighlighter java = new JavaHighlighter();

    CodeBlockLayout(Glyphs glyphs) {
        this.glyphs = glyphs;
    }

    /**
     * @param info the fence's info string ({@code java} selects highlighting), empty if none
     */
    List<StyledLine> layout(String literal, String info, int width) {
        int gutterWidth = Math.max(DisplayWidth.of(glyphs.codeGutter()), DisplayWidth.of(glyphs.continuation()));
        StyledLine gutter = margin(padded(glyphs.codeGutter(), gutterWidth));
        StyledLine continuation = margin(padded(glyphs.continuation(), gutterWidth));
        StyledLine blankLine = margin(glyphs.codeGutter().stripTrailing());
        List<StyledLine> result = new ArrayList<>();
        for (StyledLine line : sourceLines(literal, info)) {
            if (line.isEmpty()) {
                result.add(blankLine);
                continue;
            }
            List<StyledLine> pieces = pieces(line.withMark(Mark.CODE_BLOCK), width - gutterWidth);
            result.add(gutter.append(pieces.getFirst()));
            pieces.subList(1, pieces.size()).forEach(piece -> result.add(continuation.append(piece)));
        }
        return result;
    }

    // Like an editor's soft wrap: at the last space that keeps most of the line, so words stay
    // whole, the space itself giving way to the break; anywhere if there is no such space.
    private static List<StyledLine> pieces(StyledLine line, int width) {
        List<StyledLine> pieces = new ArrayList<>();
        StyledLine rest = line;
        while (rest.width() > width) {
            String text = rest.plainText();
            int cut = ColumnCutter.cut(rest.spans(), width).getFirst().plainText().length();
            int space = text.lastIndexOf(' ', cut);
            String before = space > 0 ? text.substring(0, space) : "";
            if (!before.isBlank() && DisplayWidth.of(before) >= width / 2) {
                pieces.add(rest.slice(0, space));
                rest = rest.slice(space + 1, text.length());
            } else {
                pieces.add(rest.slice(0, cut));
                rest = rest.slice(cut, text.length());
            }
        }
        if (!rest.isEmpty() || pieces.isEmpty()) {
            pieces.add(rest);
        }
        return pieces;
    }

    private List<StyledLine> sourceLines(String literal, String info) {
        String source = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
        List<String> lines = Arrays.stream(source.split("\r?\n", -1)).map(CodeBlockLayout::expandTabs).toList();
        if (isJava(info)) {
            return java.highlight(String.join("\n", lines));
        }
        return lines.stream().map(StyledLine::plain).toList();
    }

    private static boolean isJava(String info) {
        String language = info.strip().split("\\s+", 2)[0];
        return language.toLowerCase(Locale.ROOT).equals("java");
    }

    private static String padded(String glyph, int width) {
        return glyph + " ".repeat(width - DisplayWidth.of(glyph));
    }

    private static StyledLine margin(String text) {
        return StyledLine.of(Span.of(text, Mark.GUTTER, Mark.CODE_BLOCK));
    }

    // Tabs would make the width depend on the terminal's tab stops.
    private static String expandTabs(String line) {
        if (line.indexOf('\t') < 0) {
            return line;
        }
        StringBuilder expanded = new StringBuilder();
        int column = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            if (codePoint == '\t') {
                int spaces = TAB_STOP - column % TAB_STOP;
                expanded.append(" ".repeat(spaces));
                column += spaces;
            } else {
                expanded.appendCodePoint(codePoint);
                column += DisplayWidth.of(codePoint);
            }
            i += Character.charCount(codePoint);
        }
        return expanded.toString();
    }
}
