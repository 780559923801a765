package org.threadlings.tui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.threadlings.markdown.DisplayWidth;
import org.threadlings.markdown.Glyphs;

/**
 * Lines of code in a lesson's Markdown that the lesson reader cannot show whole in a terminal
 * {@code columns} wide. Prose is re-flowed to any width, but code keeps its lines: one too long
 * continues on the next behind a marker, which breaks a text timeline or a table drawn in a code
 * block. Authors are told before a student sees it.
 */
public final class WideCode {

    /** A code line and how wide it is, in terminal columns. */
    public record Line(Path file, int number, int width) {
    }

    private WideCode() {
    }

    /** How many columns of code the lesson reader shows on a line in a terminal {@code columns} wide. */
    public static int room(int columns) {
        Glyphs glyphs = Glyphs.UNICODE;
        int gutter = Math.max(DisplayWidth.of(glyphs.codeGutter()), DisplayWidth.of(glyphs.continuation()));
        return LessonTexts.width(columns) - gutter;
    }

    /** Every code line wider than {@link #room} in the Markdown files under {@code lessonDir}. */
    public static List<Line> in(Path lessonDir, int columns) throws IOException {
        List<Path> files;
        try (Stream<Path> paths = Files.walk(lessonDir)) {
            files = paths.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        List<Line> wide = new ArrayList<>();
        int room = room(columns);
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String fence = null; // the fence that opened the code block we are in, if any
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String opening = line.stripLeading();
                if (fence == null && (opening.startsWith("```") || opening.startsWith("~~~"))) {
                    fence = opening.substring(0, 3);
                } else if (fence != null && opening.startsWith(fence)) {
                    fence = null;
                } else if (fence != null) {
                    int width = DisplayWidth.of(line.replace("\t", "    "));
                    if (width > room) {
                        wide.add(new Line(file, i + 1, width));
                    }
                }
            }
        }
        return wide;
    }
}
