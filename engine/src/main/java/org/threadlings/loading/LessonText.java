package org.threadlings.loading;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The text of a lesson file, screened before the YAML parser sees it. SnakeYAML takes time
 * quadratic in the length of a line (a 200 KB line: seconds; 10 MB: minutes), and reports
 * undecodable bytes and control characters without a usable position, so size, line length,
 * encoding and characters are checked here, fast, each at its real line and column.
 */
final class LessonText {

    /** A lesson file is a table of contents with short texts; long prose lives in Markdown files. */
    static final int MAX_BYTES = 256 * 1024;
    /** Far above any line a person writes, far below where the parser slows down. */
    static final int MAX_LINE = 4_000;

    private LessonText() {
    }

    /** The decoded text of {@code file}, or empty after recording why it cannot be read. */
    static Optional<String> read(Path file, String shownAs, Problems problems) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                problems.add(new Problem(shownAs, 1, 1, "the file is " + kilobytes(size) + "; a lesson file may be "
                        + "at most " + kilobytes(MAX_BYTES) + " (move long text into a Markdown file under text/)"));
                return Optional.empty();
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(new Problem(shownAs, 1, 1, "cannot read the file: " + e.getMessage()));
            return Optional.empty();
        }
        Optional<String> text = decode(bytes, shownAs, problems);
        return text.filter(t -> screen(t, shownAs, problems));
    }

    /**
     * A Markdown file a lesson names: strict UTF-8, with a bad byte reported in that file at its
     * line and column. Markdown is not parsed as YAML, so no other limit applies.
     */
    static Optional<String> markdown(Path file, String shownAs, Problems problems) {
        try {
            return decode(Files.readAllBytes(file), shownAs, problems);
        } catch (IOException e) {
            problems.add(new Problem(shownAs, 1, 1, "cannot read the file: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /** Strict UTF-8: the first undecodable byte is reported by its offset and its line and column. */
    private static Optional<String> decode(byte[] bytes, String shownAs, Problems problems) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0; // a byte-order mark is allowed, and not part of the text
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int[] at = position(out.flip().toString());
            problems.add(new Problem(shownAs, at[0], at[1], String.format(Locale.ROOT,
                    "not valid UTF-8: byte 0x%02X at byte offset %d does not fit in a character; save the file "
                            + "as UTF-8", bytes[offset] & 0xFF, offset)));
            return Optional.empty();
        }
        return Optional.of(out.flip().toString());
    }

    /**
     * Characters YAML does not allow, and lines too long to parse quickly. Each kind of problem is
     * reported once, at its first occurrence: one bad character is usually pasted many times.
     */
    private static boolean screen(String text, String shownAs, Problems problems) {
        int line = 1;
        int column = 1;
        boolean badCharacter = false;
        boolean longLine = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                if (!badCharacter && !allowed(c)) {
                    badCharacter = true;
                    problems.add(new Problem(shownAs, line, column, describe(c) + " is not allowed in a lesson file "
                            + "(YAML files hold printable text only): delete it, or write it out in words"));
                }
                if (!longLine && column > MAX_LINE) {
                    longLine = true;
                    problems.add(new Problem(shownAs, line, 1, "line " + line + " is longer than "
                            + String.format(Locale.ROOT, "%,d", MAX_LINE) + " characters: break it over several "
                            + "lines (a > or | block keeps a long text readable), or move the text into a Markdown file"));
                }
                column++;
            }
            i += Character.charCount(c);
        }
        return !badCharacter && !longLine;
    }

    /** What YAML 1.1 accepts in a stream, as SnakeYAML reads it. */
    private static boolean allowed(int c) {
        return c == '\t' || c == '\r' || c >= 0x20 && c <= 0x7E || c == 0x85 || c >= 0xA0 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
    }

    private static String describe(int c) {
        return c == 0 ? "a NUL byte (0x00)" : String.format(Locale.ROOT, "the control character U+%04X", c);
    }

    /** Line and column (1-based) just after {@code prefix}. */
    private static int[] position(String prefix) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < prefix.length(); ) {
            int c = prefix.codePointAt(i);
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i += Character.charCount(c);
        }
        return new int[] {line, column};
    }

    private static String kilobytes(long bytes) {
        return String.format(Locale.ROOT, "%,d KB", (bytes + 1023) / 1024);
    }
}
