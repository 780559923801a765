package org.threadlings.loading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates the real course's lesson files at random (fixed seed) and loads the course after each
 * mutation: deleted, duplicated, swapped and truncated lines, indentation changes, tabs, values of
 * the wrong type, unknown keys, global and local tags, alias bombs, huge values, deep nesting and
 * bad encodings. Every load must end within the time budget, either with a course or with
 * problems, and every problem must be in the mutated file, on one of its lines, in words rather
 * than an exception's text.
 *
 * <p>In the suite it runs a small budget. {@code ./run.sh bench fuzz} runs it with
 * {@code -Dthreadlings.fuzz.mutations=1000} and prints the report it writes.
 */
class LessonFuzzTest {

    static final int MUTATIONS = Integer.getInteger("threadlings.fuzz.mutations", 120);
    static final long SEED = Long.getLong("threadlings.fuzz.seed", 20_261_129L);
    static final long HANG_SECONDS = 10;

    @TempDir
    Path root;

    @Test
    void every_mutated_course_loads_or_is_rejected_in_words_at_the_mutated_file() throws Exception {
        copyCourse(repository(), root);
        new CourseLoader(root).load(); // the real course loads before anything is changed
        List<Path> targets;
        try (Stream<Path> files = Files.walk(root.resolve("lessons"))) {
            targets = files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        Random random = new Random(SEED);
        List<String> findings = new ArrayList<>();
        int loaded = 0;
        int rejected = 0;
        long slowest = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            Path target = targets.get(random.nextInt(targets.size()));
            byte[] original = Files.readAllBytes(target);
            Mutation mutation = Mutation.pick(random);
            byte[] mutated = mutation.apply(original, random);
            Files.write(target, mutated);
            String shown = root.relativize(target).toString();
            String label = "#" + i + " " + mutation + " of " + shown;
            long start = System.nanoTime();
            FutureTask<Object> load = new FutureTask<>(() -> new CourseLoader(root).load());
            Thread worker = new Thread(load, "fuzz-load-" + i);
            worker.setDaemon(true); // a hung load must not keep the test JVM alive
            worker.start();
            try {
                load.get(HANG_SECONDS, TimeUnit.SECONDS);
                loaded++;
            } catch (TimeoutException e) {
                findings.add("HANG " + label + " (over " + HANG_SECONDS + " s)");
                worker.interrupt();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof CourseFormatException problems) {
                    rejected++;
                    int lines = new String(mutated, StandardCharsets.ISO_8859_1).split("\n", -1).length;
                    for (Problem p : problems.problems()) {
                        String why = misplaced(p, shown, lines);
                        if (!why.isEmpty()) {
                            findings.add("MISPLACED " + label + ": " + p + " (" + why + ")");
                        }
                    }
                } else {
                    StringWriter trace = new StringWriter();
                    e.getCause().printStackTrace(new PrintWriter(trace));
                    findings.add("STACK TRACE " + label + ":\n" + trace);
                }
            } finally {
                slowest = Math.max(slowest, System.nanoTime() - start);
                Files.write(target, original);
            }
        }
        String report = "lesson-file fuzz: " + MUTATIONS + " mutations, seed " + SEED + ": " + loaded + " loaded, "
                + rejected + " rejected, " + count(findings, "HANG") + " hangs over " + HANG_SECONDS + " s, "
                + count(findings, "STACK TRACE") + " stack traces, " + count(findings, "MISPLACED")
                + " problems not positioned in the mutated file; slowest load " + slowest / 1_000_000 + " ms\n"
                + String.join("\n", findings) + "\n";
        String reportFile = System.getProperty("threadlings.fuzz.report");
        if (reportFile != null) {
            Files.writeString(Path.of(reportFile), report);
        }
        assertEquals(List.of(), findings, report);
        assertTrue(loaded + rejected == MUTATIONS, report);
    }

    /** Why a problem is not where the mutated file's own mistakes belong; empty if it is. */
    private static String misplaced(Problem p, String shown, int lines) {
        if (!p.file().equals(shown)) {
            return "in another file";
        }
        if (p.line() < 1 || p.line() > lines + 1 || p.column() < 1) {
            return "outside the file's " + lines + " lines";
        }
        String m = p.message();
        if (m.contains("Exception") || m.contains("org.yaml") || m.contains("\tat ") || m.contains("java.lang.")) {
            return "exception text";
        }
        return "";
    }

    private static long count(List<String> findings, String kind) {
        return findings.stream().filter(f -> f.startsWith(kind)).count();
    }

    /** One way to damage a file. */
    enum Mutation {
        DELETE_LINE, DUPLICATE_LINE, SWAP_LINES, TRUNCATE, INDENT_MORE, INDENT_LESS, TAB_INDENT, TAB_INSIDE,
        WRONG_TYPE, UNKNOWN_KEY, GLOBAL_TAG, LOCAL_TAG, ALIAS_BOMB, SELF_ALIAS, HUGE_VALUE, LONG_LINE, DEEP_NESTING,
        INVALID_UTF8, NUL_BYTE, CONTROL_CHARACTER, FLIP_BYTE;

        static Mutation pick(Random random) {
            return values()[random.nextInt(values().length)];
        }

        byte[] apply(byte[] original, Random random) {
            String text = new String(original, StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            int at = random.nextInt(lines.size());
            String line = lines.get(at);
            switch (this) {
                case DELETE_LINE -> lines.remove(at);
                case DUPLICATE_LINE -> lines.add(at, line);
                case SWAP_LINES -> {
                    int other = random.nextInt(lines.size());
                    lines.set(at, lines.get(other));
                    lines.set(other, line);
                }
                case TRUNCATE -> {
                    return java.util.Arrays.copyOf(original, random.nextInt(original.length + 1));
                }
                case INDENT_MORE -> lines.set(at, " ".repeat(1 + random.nextInt(4)) + line);
                case INDENT_LESS -> lines.set(at, line.replaceFirst("^ {1," + (1 + random.nextInt(4)) + "}", ""));
                case TAB_INDENT -> lines.set(at, line.replaceFirst("^ +", "\t"));
                case TAB_INSIDE -> lines.set(at, insert(line, random, "\t"));
                case WRONG_TYPE -> lines.set(at, replaceValue(line, List.of("[a, b]", "{x: 1}", "42", "true", "~", "''",
                        "- item", "3.5", "yes").get(random.nextInt(9))));
                case UNKNOWN_KEY -> lines.add(at + 1, line.replaceFirst("^( *(- )?).*", "$1") + "surprise-key: value");
                case GLOBAL_TAG -> lines.set(at, replaceValue(line, "!!python/object/apply:os.system ['echo hi']"));
                case LOCAL_TAG -> lines.set(at, replaceValue(line, "!local " + currentValue(line)));
                case ALIAS_BOMB -> lines.add(bomb());
                case SELF_ALIAS -> lines.add("loop: &loop [a, [b, *loop]]");
                case HUGE_VALUE -> lines.set(at, replaceValue(line, ("word ".repeat(20) + "\n  ").repeat(3_000)));
                case LONG_LINE -> lines.set(at, replaceValue(line, "x".repeat(5_000 + random.nextInt(200_000))));
                case DEEP_NESTING -> lines.add("deep: " + "[".repeat(30 + random.nextInt(500)));
                case INVALID_UTF8 -> {
                    return insertBytes(original, random, new byte[] {(byte) (0x80 + random.nextInt(0x80))});
                }
                case NUL_BYTE -> {
                    return insertBytes(original, random, new byte[] {0});
                }
                case CONTROL_CHARACTER -> {
                    return insertBytes(original, random, new byte[] {(byte) (1 + random.nextInt(8))});
                }
                case FLIP_BYTE -> {
                    byte[] copy = original.clone();
                    int i = random.nextInt(copy.length);
                    copy[i] = (byte) (copy[i] ^ (1 << random.nextInt(8)));
                    return copy;
                }
            }
            return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        }

        private static String insert(String line, Random random, String what) {
            int i = random.nextInt(line.length() + 1);
            return line.substring(0, i) + what + line.substring(i);
        }

        private static String replaceValue(String line, String value) {
            int colon = line.indexOf(": ");
            return colon < 0 ? line + " " + value : line.substring(0, colon + 2) + value;
        }

        private static String currentValue(String line) {
            int colon = line.indexOf(": ");
            return colon < 0 ? "value" : line.substring(colon + 2);
        }

        private static String bomb() {
            StringBuilder bomb = new StringBuilder("bomb:\n  a: &a [x, x, x, x, x, x, x, x, x]");
            for (int i = 0; i < 12; i++) {
                char name = (char) ('b' + i);
                String previous = "*" + (char) ('a' + i);
                bomb.append("\n  ").append(name).append(": &").append(name).append(" [")
                        .append(String.join(", ", java.util.Collections.nCopies(9, previous))).append("]");
            }
            return bomb.toString();
        }

        private static byte[] insertBytes(byte[] original, Random random, byte[] bytes) {
            int i = random.nextInt(original.length + 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(original, 0, i);
            out.writeBytes(bytes);
            out.write(original, i, original.length - i);
            return out.toByteArray();
        }
    }

    /** The folder with run.sh, above the working directory: the course the fuzz starts from. */
    private static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("run.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run.sh not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static void copyCourse(Path from, Path to) throws IOException {
        for (String dir : List.of("lessons", "solutions")) {
            Path source = from.resolve(dir);
            try (Stream<Path> paths = Files.walk(source)) {
                paths.filter(p -> !p.toString().contains("/target")).forEach(p -> {
                    try {
                        Path target = to.resolve(dir).resolve(source.relativize(p).toString());
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(target);
                        } else {
                            Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
