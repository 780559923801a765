package org.threadlings.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.threadlings.workspace.StarterStore;

/** Runs {@code ./run.sh} from the repository the way a student types it, and captures what it printed. */
final class RunScript {

    /** What one run printed and how it ended. */
    record Run(int exitCode, String stdout, String stderr, Duration elapsed) {
        String all() {
            return stdout + stderr;
        }
    }

    static final Path ROOT = findRoot();
    /** The course of runs that name none: a copy of the tests' own, made on first use. */
    private static Path defaultCourse;

    private RunScript() {
    }

    static Run run(String... args) throws IOException, InterruptedException {
        return run(Duration.ofMinutes(3), args);
    }

    static Run run(Duration timeout, String... args) throws IOException, InterruptedException {
        return run(timeout, List.of(), Map.of(), args);
    }

    /** Runs ./run.sh with these environment variables set besides the usual ones. */
    static Run runWith(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        return run(Duration.ofMinutes(3), List.of(), environment, args);
    }

    /** Runs ./run.sh pinned to the first processor, as a one-core machine would. */
    static Run runOnOneCore(String... args) throws IOException, InterruptedException {
        return run(Duration.ofMinutes(3), List.of("taskset", "-c", "0"), Map.of(), args);
    }

    private static Run run(Duration timeout, List<String> prefix, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.add(ROOT.resolve("run.sh").toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("run-out", ".txt");
        Path err = Files.createTempFile("run-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(ROOT.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().put("NO_COLOR", "1");
            builder.environment().put("THREADLINGS_COURSE", defaultCourse().toString()); // --course overrides it
            builder.environment().putAll(environment);
            Instant start = Instant.now();
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("./run.sh " + String.join(" ", args) + " did not finish within " + timeout
                        + "; it printed:\n" + Files.readString(out) + Files.readString(err));
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), Duration.between(start, Instant.now()));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * The course a run works on unless it says otherwise: a copy of the tests' course in a
     * temporary folder, so that progress and backups written by a run land there and the
     * fixture in the source tree stays as it is.
     */
    static synchronized Path defaultCourse() throws IOException {
        if (defaultCourse == null) {
            Path dir = Files.createTempDirectory("threadlings-course");
            try {
                Courses.copyOfCourse(dir);
            } catch (StarterStore.MissingOriginal e) {
                throw new IOException("the tests' course is incomplete: " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Courses.deleteTree(dir)));
            defaultCourse = dir;
        }
        return defaultCourse;
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("run.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run.sh not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
