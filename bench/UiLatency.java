import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The full-screen UI's performance, measured in a real terminal (tmux) on a copy of the course:
 *
 *   first frame    from starting ./run.sh to the first complete frame (goal: median at most 0.5 s)
 *   key redraw     from reading a key to the redrawn frame being written (goal: at most 50 ms)
 *   save→verdict   from writing an exercise file to its verdict on screen, minus the checks'
 *                  own work (goal: median at most 0.5 s)
 *   memory         resident set of the engine after browsing every lesson (goal: at most 200 MB)
 *
 * The UI writes its own timings when asked to (-Dthreadlings.ui.telemetry=FILE): epoch
 * milliseconds of each event, so they compare with this program's clock.
 * Run with ./run.sh bench ui. Arguments: the course root, then optionally the number of rounds.
 */
public class UiLatency {

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path work = Files.createTempDirectory("threadlings-ui-bench");
        try {
            Path course = copyCourse(root, work.resolve("course"));
            System.out.printf("UI latency: %d rounds, %d cores, Java %s, tmux 100x30%n", rounds,
                    Runtime.getRuntime().availableProcessors(), Runtime.version());
            firstFrame(root, course, work, rounds);
            keysAndSaves(root, course, work, rounds);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static void firstFrame(Path root, Path course, Path work, int rounds) throws Exception {
        start(root, course, work.resolve("warm"), "warm").close(); // the first start after a build records caches
        waitForStartupCaches(root);
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            Path telemetry = work.resolve("first-" + i);
            long launched = System.currentTimeMillis();
            try (Ui ui = start(root, course, telemetry, "first-" + i)) {
                long frame = ui.awaitEvent("first-frame-uptime-millis", 20_000);
                millis.add((double) (frame - launched));
            }
        }
        report("first frame", millis, "ms", 500);
    }

    static void keysAndSaves(Path root, Path course, Path work, int rounds) throws Exception {
        // The solution is in place before the UI starts: the saves measured below are the only ones.
        Path file = course.resolve("exercises/races/AtomicCounter.java");
        Files.copy(course.resolve("solutions/races/AtomicCounter.java"), file, StandardCopyOption.REPLACE_EXISTING);
        Path telemetry = work.resolve("session");
        try (Ui ui = start(root, course, telemetry, "session")) {
            ui.awaitEvent("first-frame-uptime-millis", 20_000);
            // Browse everything: every lesson's tabs and text, every exercise, the quiz, help.
            for (int lesson = 0; lesson < lessons(course); lesson++) {
                ui.keys("-", "Home"); // every lesson folded: lesson N is N lines down
                for (int i = 0; i < lesson; i++) {
                    ui.keys("Down");
                }
                ui.keys("Enter", "Enter", "o", "n", "n", "n", "n", "PageDown", "PageDown", "PageUp", "End", "Home",
                        "2", "Down", "3", "Down", "Down", "Enter", "PageDown", "?", "x", "q", "4", "q");
            }
            Thread.sleep(500);
            long rss = ui.residentKilobytes();
            List<Double> redraws = ui.values("key-redraw-micros").stream().map(v -> v / 1000.0).toList();
            report("key redraw", redraws, "ms", 50);

            // Save -> verdict on counter-atomic, with the reference solution so every check runs.
            ui.keys("+", "Home", "Down", "Down", "Enter"); // every lesson unfolded: the first lesson's second exercise
            Thread.sleep(3000); // the grading JVM for this exercise gets ready, as it would while a student reads
            List<Double> overheads = new ArrayList<>();
            List<Double> totals = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                int before = ui.values("save-checks-work-millis").size();
                long saved = System.currentTimeMillis();
                Files.writeString(file, Files.readString(file) + "\n// save " + i + "\n");
                long shown = ui.awaitEventAfter("save-to-verdict-millis", before, 60_000);
                long checks = ui.values("save-checks-work-millis").get(before).longValue();
                totals.add((double) (shown - saved));
                overheads.add((double) (shown - saved - checks));
                Thread.sleep(3000); // a student reads the verdict before saving again
            }
            report("save to verdict (total)", totals, "ms", Double.NaN);
            report("save to verdict, beyond the checks' own work", overheads, "ms", 500);
            System.out.printf(Locale.ROOT, "%-46s %8.0f MB   (goal: at most 200 MB) %s%n",
                    "memory after browsing every lesson", rss / 1024.0, rss / 1024.0 <= 200 ? "met" : "NOT met");
        }
    }

    /** run.sh records the engine's start-up cache in the background after a build; wait for it. */
    static void waitForStartupCaches(Path root) throws Exception {
        Path dir = root.resolve("engine/target/aot");
        for (int i = 0; i < 240; i++) {
            try (Stream<Path> files = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
                if (files.noneMatch(f -> f.toString().endsWith(".training"))) {
                    return;
                }
            }
            Thread.sleep(250);
        }
    }

    static void report(String name, List<Double> values, String unit, double goal) {
        List<Double> sorted = values.stream().sorted().toList();
        double median = sorted.get(sorted.size() / 2);
        double worst = sorted.getLast();
        String verdict = Double.isNaN(goal) ? "" : "   (goal: median at most " + (int) goal + " " + unit + ") "
                + (median <= goal ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "%-46s %8.1f %s median, %.1f %s worst, n=%d%s%n", name, median, unit, worst,
                unit, values.size(), verdict);
    }

    static int lessons(Path course) throws IOException {
        return (int) Files.readAllLines(course.resolve("lessons/course.yaml")).stream()
                .filter(l -> l.startsWith("  - ")).count();
    }

    static Path copyCourse(Path root, Path into) throws IOException {
        for (String dir : List.of("lessons", "exercises", "solutions")) {
            Path from = root.resolve(dir);
            try (Stream<Path> paths = Files.walk(from)) {
                for (Path p : paths.filter(p -> !p.toString().contains("/target")).toList()) {
                    Path target = into.resolve(dir).resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return into;
    }

    static Ui start(Path root, Path course, Path telemetry, String name) throws Exception {
        String session = "threadlings-bench-" + ProcessHandle.current().pid() + "-" + name;
        String command = "THREADLINGS_JAVA_OPTS=-Dthreadlings.ui.telemetry=" + telemetry + " " + root.resolve("run.sh")
                + " --course " + course + "; sleep 30";
        tmux("new-session", "-d", "-s", session, "-x", "100", "-y", "30", command);
        return new Ui(session, telemetry, course);
    }

    static String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    /** One UI running in a tmux pane, and its telemetry file. */
    record Ui(String session, Path telemetry, Path course) implements AutoCloseable {

        void keys(String... keys) throws Exception {
            for (String key : keys) {
                tmux("send-keys", "-t", session, key);
                Thread.sleep(60); // a fast typist; each key gets its own redraw
            }
        }

        List<Double> values(String event) throws IOException {
            List<Double> values = new ArrayList<>();
            for (String line : lines()) {
                String[] parts = line.split(" ");
                if (parts[0].equals(event)) {
                    values.add(Double.parseDouble(parts[1]));
                }
            }
            return values;
        }

        /** The epoch milliseconds at which {@code event} was first recorded. */
        long awaitEvent(String event, long timeoutMillis) throws Exception {
            return awaitEventAfter(event, 0, timeoutMillis);
        }

        /** The epoch milliseconds of the occurrence number {@code index} of {@code event}. */
        long awaitEventAfter(String event, int index, long timeoutMillis) throws Exception {
            long deadline = System.currentTimeMillis() + timeoutMillis;
            while (System.currentTimeMillis() < deadline) {
                List<String> matching = lines().stream().filter(l -> l.startsWith(event + " ")).toList();
                if (matching.size() > index) {
                    return Long.parseLong(matching.get(index).split(" ")[2]);
                }
                Thread.sleep(10);
            }
            throw new IllegalStateException(event + " never came; the screen shows:\n"
                    + tmux("capture-pane", "-p", "-t", session));
        }

        long residentKilobytes() throws IOException {
            ProcessHandle engine = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> c.contains("--course " + course)
                            && c.contains("threadlings.jar")).orElse(false))
                    .findFirst().orElseThrow();
            for (String line : Files.readAllLines(Path.of("/proc/" + engine.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            return -1;
        }

        private List<String> lines() throws IOException {
            return Files.exists(telemetry) ? Files.readAllLines(telemetry) : List.of();
        }

        @Override
        public void close() throws Exception {
            tmux("send-keys", "-t", session, "Q");
            Thread.sleep(300);
            tmux("kill-session", "-t", session);
        }
    }
}
