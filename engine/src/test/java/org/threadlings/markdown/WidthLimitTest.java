package org.threadlings.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** No rendered line is ever wider than the width asked for, whatever the text. */
class WidthLimitTest {

    private static final String EVERYTHING = """
            # A heading long enough to need wrapping at the narrowest widths we support

            Text with **strong**, *emphasis*, `code`, a [link](https://example.org/a/rather/long/path/that/will/not/fit)
            and a word that is far too long: java.util.concurrent.locks.AbstractQueuedLongSynchronizer.ConditionObject.
            Wide text: 並行処理はむずかしいけれど楽しい。Combining: e\u0301e\u0301e\u0301e\u0301 café.\\
            After a hard break. Emoji: 🧵🧵🧵.

            > Quoted text that goes on for a while, with a nested quote:
            >
            > > Deeper text that goes on for a while as well, to wrap a few times at narrow widths.
            >
            > ```java
            > String s = "a string inside a quote that is certainly longer than forty columns";
            > ```

            1. First item, long enough to wrap at forty columns at least once.
               - nested bullet with `inline code that is long` in it
                 1. deeper ordered item that goes on and on and on
                    - deepest bullet, with even more text to wrap
            2. Second item.

            | a | column with long words: synchronization | 日本語のテキスト |
            |:-:|---|--:|
            | 1 | short | 長いテキストです |
            | 22 | a longer cell that will need to wrap inside its column | x |

            ---

                indented code block with a line that is much longer than the narrowest width

            <div>
            An HTML block with a long line of text that will need wrapping somewhere.
            </div>
            """;

    // Pieces of Markdown that random documents are built from, nested inside each other.
    private static final List<String> FRAGMENTS = List.of(
            "plain words of ordinary length",
            "**strong text that runs on** and *emphasis*",
            "`inline code with spaces`",
            "[a link](https://example.org/path/that/is/rather/long/indeed)",
            "Supercalifragilisticexpialidocious_AndThenSomeMoreLettersToBeSure",
            "並行処理とスレッド",
            "e\u0301e\u0301e\u0301",
            "🧵 threads",
            "<span>inline html</span>");

    static Stream<Path> lessonTexts() throws IOException {
        Path lessons = courseDirectory().resolve("lessons");
        try (Stream<Path> files = Files.walk(lessons)) {
            List<Path> texts = files.filter(path -> path.getParent().getFileName().toString().equals("text"))
                    .filter(path -> path.toString().endsWith(".md"))
                    .sorted()
                    .toList();
            assertFalse(texts.isEmpty(), "no lesson texts under " + lessons);
            return texts.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("lessonTexts")
    void lessonTextsFitEveryWidth(Path lesson) throws IOException {
        assertFits(Files.readString(lesson), lesson.getFileName().toString());
    }

    @ParameterizedTest
    @MethodSource("glyphs")
    void everyKindOfBlockFitsEveryWidth(Glyphs glyphs) {
        MarkdownRenderer renderer = new MarkdownRenderer(glyphs);
        for (int width = MarkdownRenderer.MINIMUM_WIDTH; width <= 140; width++) {
            assertFits(renderer.render(EVERYTHING, width), width, "everything");
        }
    }

    @ParameterizedTest
    @MethodSource("lessonTexts")
    void renderingKeepsEveryWordOfTheLesson(Path lesson) throws IOException {
        String markdown = Files.readString(lesson);
        String wide = squashed(Rendering.render(markdown, 200).plainText());
        String narrow = squashed(Rendering.render(markdown, 40).plainText());
        for (String word : List.of("interleave", "happens-before", "ReentrantLock", "100,000")) {
            assertEquals(wide.contains(word), narrow.contains(word), word + " in " + lesson.getFileName());
        }
    }

    @ParameterizedTest
    @MethodSource("glyphs")
    void deepNestingStillFits(Glyphs glyphs) {
        StringBuilder lists = new StringBuilder();
        StringBuilder quotes = new StringBuilder();
        for (int depth = 0; depth < 15; depth++) {
            lists.append("  ".repeat(depth)).append(depth % 2 == 0 ? "- " : "1. ").append("level ").append(depth)
                    .append(" with some words to wrap\n");
            quotes.append("> ".repeat(depth + 1)).append("quoted at depth ").append(depth).append("\n\n");
        }
        MarkdownRenderer renderer = new MarkdownRenderer(glyphs);
        for (int width = MarkdownRenderer.MINIMUM_WIDTH; width <= 60; width++) {
            assertFits(renderer.render(lists.toString(), width), width, "nested lists");
            assertFits(renderer.render(quotes.toString(), width), width, "nested quotes");
        }
    }

    @ParameterizedTest
    @MethodSource("glyphs")
    void randomDocumentsFit(Glyphs glyphs) {
        Random random = new Random(20240601);
        MarkdownRenderer renderer = new MarkdownRenderer(glyphs);
        for (int i = 0; i < 300; i++) {
            String markdown = randomDocument(random);
            int width = MarkdownRenderer.MINIMUM_WIDTH + random.nextInt(100);
            assertFits(renderer.render(markdown, width), width, "document " + i + ":\n" + markdown + "\n");
        }
    }

    private static String randomDocument(Random random) {
        StringBuilder markdown = new StringBuilder();
        for (int block = 0; block < 1 + random.nextInt(6); block++) {
            String prefix = random.nextInt(3) == 0 ? "> ".repeat(1 + random.nextInt(3)) : "";
            String indent = "";
            if (random.nextInt(3) == 0) {
                int depth = random.nextInt(4);
                for (int d = 0; d < depth; d++) {
                    markdown.append(prefix).append(indent).append("- item\n");
                    indent += "  ";
                }
                prefix += indent + (random.nextBoolean() ? "- " : "12. ");
                indent += random.nextBoolean() ? "  " : "    ";
            }
            String text = String.join(" ", randomFragments(random, 1 + random.nextInt(8)));
            switch (random.nextInt(5)) {
                case 0 -> markdown.append(prefix).append("#".repeat(1 + random.nextInt(3))).append(' ').append(text);
                case 1 -> markdown.append(prefix).append("```java\n").append(prefix.replaceAll("[-0-9.]", " "))
                        .append("String s = \"").append(text).append("\"; // ").append(text).append('\n')
                        .append(prefix.replaceAll("[-0-9.]", " ")).append("```");
                case 2 -> {
                    int columns = 1 + random.nextInt(5);
                    String row = "| " + String.join(" | ", randomFragments(random, columns)) + " |\n";
                    markdown.append(prefix).append(row).append(prefix.replaceAll("[-0-9.]", " "))
                            .append("|---".repeat(columns)).append("|\n");
                    for (int r = 0; r < 3; r++) {
                        markdown.append(prefix.replaceAll("[-0-9.]", " "))
                                .append("| " + String.join(" | ", randomFragments(random, columns)) + " |\n");
                    }
                }
                default -> markdown.append(prefix).append(text);
            }
            markdown.append("\n\n");
        }
        return markdown.toString();
    }

    private static List<String> randomFragments(Random random, int count) {
        return random.ints(count, 0, FRAGMENTS.size()).mapToObj(FRAGMENTS::get).toList();
    }

    static Stream<Glyphs> glyphs() {
        return Stream.of(Glyphs.UNICODE, Glyphs.ASCII);
    }

    private static void assertFits(String markdown, String name) {
        for (int width = MarkdownRenderer.MINIMUM_WIDTH; width <= 140; width++) {
            assertFits(Rendering.render(markdown, width), width, name);
            assertFits(Rendering.ASCII.render(markdown, width), width, name);
        }
    }

    private static void assertFits(RenderedText rendered, int width, String name) {
        assertFalse(rendered.lines().isEmpty());
        for (StyledLine line : rendered.lines()) {
            assertTrue(line.width() <= width,
                    name + " at width " + width + ": " + line.width() + " columns: " + line.plainText());
        }
    }

    private static String squashed(String text) {
        return text.replaceAll("[\\s│┆↪┌┐└┘├┤┬┴┼╞╡╪═─]+", " ");
    }

    // Tests run from the module directory or the repository root, depending on the build.
    private static Path courseDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("lessons")) && Files.isDirectory(dir.resolve("engine"))) {
                return dir;
            }
        }
        throw new UncheckedIOException(new IOException("no course directory above " + Path.of("").toAbsolutePath()));
    }
}
