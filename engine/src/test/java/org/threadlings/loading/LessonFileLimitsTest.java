package org.threadlings.loading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.threadlings.loading.CourseFolder.BASICS_FILE;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lesson files that could hurt the loader: too big, too long a line, bytes that are not UTF-8,
 * characters YAML refuses, alias bombs, deep nesting, tags. Each is refused before or while the
 * parser reads it, at its real position, in words (never the parser's or Java's exception text).
 */
class LessonFileLimitsTest {

    @TempDir
    Path tmp;

    private CourseFolder folder;

    @BeforeEach
    void writeCourse() {
        folder = new CourseFolder(tmp).withBasicsLesson();
    }

    private void basicsBytes(byte[] bytes) {
        folder.writeBytes(BASICS_FILE, bytes);
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    @DisplayName("a file over the size limit is refused without being parsed")
    void tooBig() {
        folder.basics(CourseFolder.BASICS + "# " + "x".repeat(70) + "\n".repeat(1)
                + ("# " + "x".repeat(70) + "\n").repeat(LessonText.MAX_BYTES / 72));
        folder.onlyProblem(BASICS_FILE + ":1:1", "the file is 260 KB; a lesson file may be at most 256 KB",
                "Markdown file under text/");
    }

    @Test
    @DisplayName("a line longer than the limit is refused at its line, however long it is")
    void longLine() {
        folder.basics(CourseFolder.BASICS.replace("summary: A tiny lesson.", "summary: " + "y".repeat(200_000)));
        folder.onlyProblem(BASICS_FILE + ":4:1", "line 4 is longer than 4,000 characters", "break it over several lines");
    }

    @Test
    @DisplayName("bytes that are not UTF-8 are reported at their line and column, with the byte offset")
    void invalidUtf8() {
        String before = "format: 1\nid: basics\ntitle: Caf";
        basicsBytes(concat(before, new byte[] {(byte) 0xE9}, " au lait\n"));
        folder.onlyProblem(BASICS_FILE + ":3:11", "not valid UTF-8: byte 0xE9 at byte offset " + before.length(),
                "save the file as UTF-8");
    }

    @Test
    @DisplayName("a NUL byte is reported where it is")
    void nulByte() {
        folder.basics(CourseFolder.BASICS.replace("title: Basics", "title: Ba\u0000sics"));
        folder.onlyProblem(BASICS_FILE + ":3:10", "a NUL byte (0x00) is not allowed in a lesson file");
    }

    @Test
    @DisplayName("a control character is reported once, at its first place")
    void controlCharacter() {
        folder.basics(CourseFolder.BASICS.replace("A tiny lesson.", "A tiny\u0007 lesson.")
                .replace("Hello.", "Hel\u0007lo."));
        folder.onlyProblem(BASICS_FILE + ":4:16", "the control character U+0007 is not allowed");
    }

    @Test
    @DisplayName("a byte-order mark at the start is allowed")
    void byteOrderMark() {
        basicsBytes(concat("", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, CourseFolder.BASICS));
        assertEquals(1, folder.load().lessons().size());
    }

    @Test
    @DisplayName("a tab between a key and its value is reported at the tab, in words")
    void tabAfterKey() {
        folder.basics(CourseFolder.BASICS.replace("title: Basics", "title:\tBasics"));
        folder.onlyProblem(BASICS_FILE + ":3:7", "a tab character here", "replace the tab with spaces");
    }

    @Test
    @DisplayName("an alias bomb stops at the alias past the limit")
    void aliasBomb() {
        StringBuilder bomb = new StringBuilder(CourseFolder.BASICS).append("bomb:\n  a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 0; i < 9; i++) {
            char name = (char) ('b' + i);
            char previous = (char) ('a' + i);
            bomb.append("  ").append(name).append(": &").append(name).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(12, "*" + previous))).append("]\n");
        }
        folder.basics(bomb.toString());
        // 12 aliases a line from line 16: the 101st is the 5th alias on line 24, column 9 + 4 × 4 + 1.
        Problem problem = folder.onlyProblem(BASICS_FILE + ":24:26", "more than 100 aliases");
        assertTrue(problem.message().contains("write the values out"), problem.message());
    }

    @Test
    @DisplayName("an alias inside the value it names is refused")
    void recursiveAlias() {
        folder.basics(CourseFolder.BASICS + "loop: &loop [a, *loop]\n");
        folder.onlyProblem(BASICS_FILE + ":14:17", "the alias *loop is inside the value it names (&loop)");
    }

    @Test
    @DisplayName("deep nesting is refused at the first level too deep, in flow and in block style")
    void deepNesting() {
        folder.basics(CourseFolder.BASICS + "deep: " + "[".repeat(1000) + "]".repeat(1000) + "\n");
        // The mapping at the top is the first level: the 20th "[" is the 21st.
        folder.onlyProblem(BASICS_FILE + ":14:26", "nested more than 20 levels deep");
        StringBuilder block = new StringBuilder(CourseFolder.BASICS);
        for (int i = 0; i < 25; i++) {
            block.append("  ".repeat(i)).append("k").append(i).append(":\n");
        }
        folder.basics(block.toString() + "  ".repeat(25) + "end: here\n");
        folder.onlyProblem(BASICS_FILE + ":34:41", "nested more than 20 levels deep"); // at k20, the 21st mapping
    }

    @Test
    @DisplayName("local and global tags are not part of the format")
    void tags() {
        folder.basics(CourseFolder.BASICS.replace("title: Basics", "title: !shout Basics"));
        folder.onlyProblem(BASICS_FILE + ":3:8", "tags such as '!shout' are not part of the lesson format");
        folder.basics(CourseFolder.BASICS.replace("title: Basics", "title: !!python/object:os.system Basics"));
        folder.onlyProblem(BASICS_FILE + ":3:8", "tags such as '!!python/object:os.system' are not part");
        folder.basics(CourseFolder.BASICS.replace("sections:", "sections: !!set"));
        folder.onlyProblem(BASICS_FILE + ":5:11", "tags such as '!!set' are not part");
    }

    @Test
    @DisplayName("a name no path can hold (a NUL spelt as an escape) is a problem at its value")
    void unrepresentablePaths() {
        folder.basics(CourseFolder.BASICS.replace("files: [basics/Counter.java]", "files: [\"basics/Co\\0unter.java\"]")
                .replace("checks: [checks/CounterCheck.java]", "checks: [\"checks/\\0.java\"]"));
        List<Problem> problems = folder.problems();
        assertEquals(2, problems.size(), () -> CourseFolder.lines(problems));
        CourseFolder.expect(problems, BASICS_FILE + ":11:13", "'basics/Co\\u0000unter.java' must be a .java path");
        CourseFolder.expect(problems, BASICS_FILE + ":13:14", "'checks/\\u0000.java' is not a valid file name");
        folder.course("\"bas\\0ics\"");
        folder.onlyProblem("lessons/course.yaml:4:5", "no lesson folder 'lessons/bas\\u0000ics'");
    }

    @Test
    @DisplayName("a Markdown file that is not UTF-8 is reported in that file, at the bad byte")
    void markdownNotUtf8() {
        folder.basics(CourseFolder.BASICS.replace("    text: Hello.", "    file: text/intro.md"));
        folder.writeBytes("lessons/basics/text/intro.md", concat("# Intro\n\nna", new byte[] {(byte) 0xEF}, "ve\n"));
        folder.onlyProblem("lessons/basics/text/intro.md:3:3", "not valid UTF-8: byte 0xEF at byte offset 11");
    }

    @Test
    @DisplayName("no problem carries a parser's or Java's exception text")
    void noExceptionText() {
        for (String broken : List.of("title: [unclosed\n", "a: b: c\n", "- x\ny: z\n", "\"open\n", "&a a: *b\n")) {
            folder.basics(broken);
            for (Problem p : folder.problems()) {
                assertTrue(!p.message().contains("Exception") && !p.message().contains("org.yaml")
                        && !p.message().contains("\tat "), p.toString());
            }
        }
    }
}
