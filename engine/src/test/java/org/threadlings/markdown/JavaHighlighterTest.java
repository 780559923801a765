package org.threadlings.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JavaHighlighterTest {

    private final JavaHighlighter highlighter = new JavaHighlighter();

    /** The tokens of one line as "MARK:text" for marked spans and "text" for plain ones. */
    private List<String> tokens(String source) {
        List<StyledLine> lines = highlighter.highlight(source);
        assertEquals(1, lines.size(), "one line expected");
        return describe(lines.getFirst());
    }

    private static List<String> describe(StyledLine line) {
        return line.spans().stream()
                .map(span -> span.marks().isEmpty() ? span.text()
                        : span.marks().stream().map(Mark::name).collect(Collectors.joining("+")) + ":" + span.text())
                .toList();
    }

    @Test
    void marksKeywordsAndLeavesNamesPlain() {
        assertEquals(List.of("KEYWORD:private", " ", "KEYWORD:final", " AtomicLong count = ", "KEYWORD:new",
                        " AtomicLong();"),
                tokens("private final AtomicLong count = new AtomicLong();"));
    }

    @Test
    void keywordsInsideNamesAreNotKeywords() {
        assertEquals(List.of("KEYWORD:int", " interval = classic + newCount + _do;"),
                tokens("int interval = classic + newCount + _do;"));
    }

    @Test
    void literalsTrueFalseAndNullAreKeywords() {
        assertEquals(List.of("KEYWORD:return", " ", "KEYWORD:null", ";"), tokens("return null;"));
    }

    @Test
    void lineCommentRunsToTheEndOfTheLine() {
        assertEquals(List.of("x++; ", "COMMENT:// lost update? \"quoted\" /* not a block"),
                tokens("x++; // lost update? \"quoted\" /* not a block"));
    }

    @Test
    void stringContainingCommentMarkersStaysAString() {
        assertEquals(List.of("s = ", "STRING:\"http://example.org /* no comment */\"", ";"),
                tokens("s = \"http://example.org /* no comment */\";"));
    }

    @Test
    void escapedQuoteDoesNotEndTheString() {
        assertEquals(List.of("STRING:\"say \\\"hi\\\" \\\\\"", " + x"), tokens("\"say \\\"hi\\\" \\\\\" + x"));
    }

    @Test
    void charLiteralsWithEscapes() {
        assertEquals(List.of("c = ", "STRING:'\\''", " + ", "STRING:'\"'", " + ", "STRING:'\\\\'", " + ",
                        "STRING:'\\u0041'", " + ", "STRING:'/'", ";"),
                tokens("c = '\\'' + '\"' + '\\\\' + '\\u0041' + '/';"));
    }

    @Test
    void unclosedStringEndsWithItsLine() {
        List<StyledLine> lines = highlighter.highlight("s = \"oops;\nint x = 1;");
        assertEquals(List.of("s = ", "STRING:\"oops;"), describe(lines.get(0)));
        assertEquals(List.of("KEYWORD:int", " x = ", "NUMBER:1", ";"), describe(lines.get(1)));
    }

    @Test
    void blockCommentSpanningLinesMarksEveryLine() {
        List<StyledLine> lines = highlighter.highlight("""
                int a; /* first
                   "not a string" int
                last */ int b;""");
        assertEquals(List.of("KEYWORD:int", " a; ", "COMMENT:/* first"), describe(lines.get(0)));
        assertEquals(List.of("COMMENT:   \"not a string\" int"), describe(lines.get(1)));
        assertEquals(List.of("COMMENT:last */", " ", "KEYWORD:int", " b;"), describe(lines.get(2)));
    }

    @Test
    void javadocIsAComment() {
        assertEquals(List.of("COMMENT:/** Returns the count. */", " ", "KEYWORD:long", " get();"),
                tokens("/** Returns the count. */ long get();"));
    }

    @Test
    void textBlockSpanningLinesIsOneString() {
        List<StyledLine> lines = highlighter.highlight("""
                String json = \"""
                    {"count": 1} // not a comment \\\""" still inside
                    \""";""");
        assertEquals(List.of("String json = ", "STRING:\"\"\""), describe(lines.get(0)));
        assertEquals(List.of("STRING:    {\"count\": 1} // not a comment \\\"\"\" still inside"), describe(lines.get(1)));
        assertEquals(List.of("STRING:    \"\"\"", ";"), describe(lines.get(2)));
    }

    @Test
    void numbersInTheirManyForms() {
        assertEquals(List.of("NUMBER:100_000", " ", "NUMBER:0xFF_FF", " ", "NUMBER:0b1010", " ", "NUMBER:10L", " ",
                        "NUMBER:1_000_000L", " ", "NUMBER:3.14", " ", "NUMBER:.5f", " ", "NUMBER:1e-9", " ",
                        "NUMBER:2.5E+3d", " ", "NUMBER:0x1.8p3", " ", "NUMBER:017"),
                tokens("100_000 0xFF_FF 0b1010 10L 1_000_000L 3.14 .5f 1e-9 2.5E+3d 0x1.8p3 017"));
    }

    @Test
    void digitsInNamesAndMemberAccessAreNotNumbers() {
        assertEquals(List.of("v2 = arr[", "NUMBER:0", "].length + x1;"), tokens("v2 = arr[0].length + x1;"));
    }

    @Test
    void annotationsIncludingQualifiedOnes() {
        assertEquals(List.of("ANNOTATION:@Override", " ", "ANNOTATION:@java.lang.SuppressWarnings", "(",
                        "STRING:\"unchecked\"", ") ", "KEYWORD:@interface", " Marker {}"),
                tokens("@Override @java.lang.SuppressWarnings(\"unchecked\") @interface Marker {}"));
    }

    @Test
    void contextualKeywords() {
        assertEquals(List.of("KEYWORD:sealed", " ", "KEYWORD:interface", " Shape ", "KEYWORD:permits", " Circle {} ",
                        "KEYWORD:non-sealed", " ", "KEYWORD:class", " Circle {} ", "KEYWORD:var", " x = ", "NUMBER:1",
                        ";"),
                tokens("sealed interface Shape permits Circle {} non-sealed class Circle {} var x = 1;"));
    }

    @Test
    void keepsEveryCharacterAndEveryLine() {
        String source = "class A {\n\n    /* a */ String s = \"x\"; // y\n}\n";
        List<StyledLine> lines = highlighter.highlight(source);
        assertEquals(source, lines.stream().map(StyledLine::plainText).collect(Collectors.joining("\n")));
        assertEquals(5, lines.size());
    }

    @Test
    void spansCarryOnlyTheirTokenMark() {
        StyledLine line = highlighter.highlight("return 42;").getFirst();
        assertEquals(List.of(Span.of("return", Mark.KEYWORD), Span.plain(" "), Span.of("42", Mark.NUMBER), Span.plain(";")),
                line.spans());
        assertEquals(Set.of(Mark.NUMBER), line.spans().get(2).marks());
    }
}
