package executors;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/*
 * Exercise folder-scan -- the given part. Leave this file as it is: edit FolderScan.java.
 *
 * A folder holds files of meter readings, one whole number per line. Job.process(file) reads
 * one file and adds its readings up; Readings.sumOf is the real job, and the checks hand
 * scan() a job of their own that does the same while it watches.
 */
public final class Readings {

    private Readings() {
    }

    /** The work for one file; it may throw, for a file that cannot be read or makes no sense. */
    @FunctionalInterface
    public interface Job {
        FileResult process(Path file) throws IOException;
    }

    /** What one file held: its name (no folder), how many readings, and their sum. */
    public record FileResult(String name, long readings, long sum) {
    }

    /** A file that could not be processed: its name (no folder) and why, in words. */
    public record Failure(String name, String reason) {
    }

    /** What scan() returns: a result for every file that worked, a failure for every one that did not. */
    public record Report(List<FileResult> results, List<Failure> failures) {

        public Report {
            results = List.copyOf(results);
            failures = List.copyOf(failures);
        }

        public long totalReadings() {
            return results.stream().mapToLong(FileResult::readings).sum();
        }

        public long totalSum() {
            return results.stream().mapToLong(FileResult::sum).sum();
        }
    }

    /** The regular files directly inside the folder, sorted by name. */
    public static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** The file's name without its folder, as reports show it. */
    public static String nameOf(Path file) {
        return file.getFileName().toString();
    }

    /**
     * Reads the file as UTF-8 and adds up its readings; blank lines are skipped. Throws an
     * IOException when the file cannot be read as text, and a NumberFormatException naming the
     * line when a line is not a whole number.
     */
    public static FileResult sumOf(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IOException(nameOf(file) + " is not UTF-8 text", e);
        }
        long readings = 0;
        long sum = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                sum += Long.parseLong(line);
            } catch (NumberFormatException e) {
                throw new NumberFormatException(nameOf(file) + " line " + (i + 1) + ": '" + line
                        + "' is not a whole number");
            }
            readings++;
        }
        return new FileResult(nameOf(file), readings, sum);
    }
}
