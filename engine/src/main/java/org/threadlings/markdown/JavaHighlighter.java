package org.threadlings.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Marks the keywords, literals, comments and annotations in Java source. A lexer, not a parser:
 * it never fails, and source that does not compile (a snippet, an unclosed string) still comes
 * out sensibly. Comments and text blocks may span lines.
 */
public final class JavaHighlighter {

    private static final Set<String> KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
            "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
            "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "true", "false", "null",
            // Contextual keywords, almost never used as names in lesson code.
            "var", "yield", "record", "sealed", "permits");

    /** The source's lines, in order, with marks on the tokens that have one. */
    public List<StyledLine> highlight(String source) {
        List<StyledLine> lines = new ArrayList<>();
        List<Span> line = new ArrayList<>();
        for (Span token : new Scanner(source.replace("\r\n", "\n")).tokens()) {
            String[] parts = token.text().split("\n", -1);
            line.add(token.withText(parts[0]));
            for (int i = 1; i < parts.length; i++) {
                lines.add(new StyledLine(line));
                line = new ArrayList<>();
                line.add(token.withText(parts[i]));
            }
        }
        lines.add(new StyledLine(line));
        return lines;
    }

    private static final class Scanner {

        private final String source;
        private final List<Span> tokens = new ArrayList<>();
        private final StringBuilder plain = new StringBuilder();
        private int position;

        Scanner(String source) {
            this.source = source;
        }

        List<Span> tokens() {
            while (position < source.length()) {
                char c = source.charAt(position);
                char next = charAt(position + 1);
                if (c == '/' && next == '/') {
                    emit(Mark.COMMENT, lineEnd());
                } else if (c == '/' && next == '*') {
                    int close = source.indexOf("*/", position + 2);
                    emit(Mark.COMMENT, close < 0 ? source.length() : close + 2);
                } else if (source.startsWith("\"\"\"", position)) {
                    emit(Mark.STRING, textBlockEnd());
                } else if (c == '"' || c == '\'') {
                    emit(Mark.STRING, quotedEnd(c));
                } else if (c == '@' && Character.isJavaIdentifierStart(codePointAt(position + 1))) {
                    int end = annotationEnd();
                    emit(source.startsWith("@interface", position) && end == position + 10
                            ? Mark.KEYWORD : Mark.ANNOTATION, end);
                } else if (Character.isJavaIdentifierStart(codePointAt(position))) {
                    word();
                } else if (isDigit(c) || (c == '.' && isDigit(next))) {
                    emit(Mark.NUMBER, numberEnd());
                } else {
                    plain.append(c);
                    position++;
                }
            }
            flushPlain();
            return tokens;
        }

        private void word() {
            int end = identifierEnd(position);
            String word = source.substring(position, end);
            if (word.equals("non") && source.startsWith("-sealed", end)
                    && !isIdentifierPart(codePointAt(end + 7))) {
                emit(Mark.KEYWORD, end + 7);
            } else if (KEYWORDS.contains(word)) {
                emit(Mark.KEYWORD, end);
            } else {
                plain.append(word);
                position = end;
            }
        }

        private int lineEnd() {
            int newline = source.indexOf('\n', position);
            return newline < 0 ? source.length() : newline;
        }

        // An unclosed literal ends with its line, as javac reports it, so one typo does not
        // colour the rest of the block.
        private int quotedEnd(char quote) {
            int i = position + 1;
            while (i < source.length()) {
                char c = source.charAt(i);
                if (c == '\n') {
                    return i;
                }
                if (c == quote) {
                    return i + 1;
                }
                i += c == '\\' && charAt(i + 1) != '\n' ? 2 : 1;
            }
            return source.length();
        }

        private int textBlockEnd() {
            int i = position + 3;
            while (i < source.length()) {
                if (source.startsWith("\"\"\"", i)) {
                    return i + 3;
                }
                i += source.charAt(i) == '\\' ? 2 : 1;
            }
            return source.length();
        }

        private int annotationEnd() {
            int end = identifierEnd(position + 1);
            while (charAt(end) == '.' && Character.isJavaIdentifierStart(codePointAt(end + 1))) {
                end = identifierEnd(end + 1);
            }
            return end;
        }

        private int numberEnd() {
            int i = position;
            char first = source.charAt(i);
            char second = Character.toLowerCase(charAt(i + 1));
            if (first == '0' && second == 'x') {
                i = skip(i + 2, "0123456789abcdefABCDEF_");
                if (charAt(i) == '.') {
                    i = skip(i + 1, "0123456789abcdefABCDEF_");
                }
                if (Character.toLowerCase(charAt(i)) == 'p') {
                    i = exponentEnd(i);
                }
            } else if (first == '0' && second == 'b') {
                i = skip(i + 2, "01_");
            } else {
                i = skip(i, "0123456789_");
                if (charAt(i) == '.' && isDigit(charAt(i + 1))) {
                    i = skip(i + 1, "0123456789_");
                }
                if (Character.toLowerCase(charAt(i)) == 'e') {
                    i = exponentEnd(i);
                }
            }
            return "lLfFdD".indexOf(charAt(i)) >= 0 ? i + 1 : i;
        }

        // An exponent only counts if digits follow; "1e" is a number and a name.
        private int exponentEnd(int marker) {
            int i = marker + 1;
            if (charAt(i) == '+' || charAt(i) == '-') {
                i++;
            }
            return isDigit(charAt(i)) ? skip(i, "0123456789_") : marker;
        }

        private int skip(int from, String allowed) {
            int i = from;
            while (i < source.length() && allowed.indexOf(source.charAt(i)) >= 0) {
                i++;
            }
            return i;
        }

        private int identifierEnd(int from) {
            int i = from;
            while (i < source.length() && isIdentifierPart(source.codePointAt(i))) {
                i += Character.charCount(source.codePointAt(i));
            }
            return i;
        }

        private void emit(Mark mark, int end) {
            flushPlain();
            tokens.add(Span.of(source.substring(position, end), mark));
            position = end;
        }

        private void flushPlain() {
            if (!plain.isEmpty()) {
                tokens.add(Span.plain(plain.toString()));
                plain.setLength(0);
            }
        }

        private char charAt(int index) {
            return index < source.length() ? source.charAt(index) : 0;
        }

        private int codePointAt(int index) {
            return index < source.length() ? source.codePointAt(index) : 0;
        }

        // Past the end reads as 0, which Java counts as an (ignorable) identifier part.
        private static boolean isIdentifierPart(int codePoint) {
            return codePoint != 0 && Character.isJavaIdentifierPart(codePoint);
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
