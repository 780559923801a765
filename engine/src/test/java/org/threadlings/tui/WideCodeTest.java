package org.threadlings.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WideCodeTest {

    @TempDir
    Path lesson;

    @Test
    void at_80_columns_the_reader_shows_75_columns_of_code() {
        assertEquals(75, WideCode.room(80));
    }

    @Test
    void only_code_lines_wider_than_the_room_are_reported_with_their_line_and_width() throws Exception {
        String fits = "x".repeat(75);
        String wraps = "y".repeat(76);
        Files.createDirectories(lesson.resolve("text"));
        Files.writeString(lesson.resolve("text/01-a.md"), String.join("\n",
                "Prose " + "z".repeat(120) + " is re-flowed, never reported.",
                "",
                "```java",
                fits,
                wraps,
                "```",
                "",
                "~~~",
                "\t" + "t".repeat(72), // a tab counts four columns: 76
                "~~~",
                wraps + " outside any block"));
        Files.writeString(lesson.resolve("notes.txt"), wraps); // not Markdown

        List<WideCode.Line> wide = WideCode.in(lesson, 80);

        Path file = lesson.resolve("text/01-a.md");
        assertEquals(List.of(new WideCode.Line(file, 5, 76), new WideCode.Line(file, 9, 76)), wide);
    }
}
