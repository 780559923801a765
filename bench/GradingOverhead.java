import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How much time grading adds to the checks' own work: `./run.sh check EXERCISE` against
 * `mvn test -Dtest=CHECK`, the same hidden check against the same reference solution, alternated
 * in one run so that both see the same machine. Overhead = wall time of the whole command minus
 * the time spent inside the check methods (from the JSON report, and from surefire's XML report).
 *
 * Run with ./run.sh bench grading. Arguments: the course root, then optionally the number of
 * rounds (default 9).
 */
public class GradingOverhead {

    static final String EXERCISE = "counter-atomic";
    static final String CHECK_CLASS = "AtomicCounterCheck";

    record Sample(double wallSeconds, double workSeconds) {
        double overhead() {
            return wallSeconds - workSeconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        System.out.printf("Grading overhead: %s, %d rounds, %d cores, Java %s%n", EXERCISE, rounds,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        System.out.println("warming up (first runs build caches and are not counted)...");
        threadlings(root);
        waitForStartupCache(root);
        threadlings(root);
        maven(root, false);

        List<Sample> ours = new ArrayList<>();
        List<Sample> mavens = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            // Alternate which goes first, so that neither always runs on a machine the other warmed.
            if (round % 2 == 0) {
                ours.add(threadlings(root));
                mavens.add(maven(root, true));
            } else {
                mavens.add(maven(root, true));
                ours.add(threadlings(root));
            }
            System.out.printf("  round %d: check %.2f s (work %.2f s), mvn test %.2f s (work %.2f s)%n", round + 1,
                    ours.getLast().wallSeconds(), ours.getLast().workSeconds(),
                    mavens.getLast().wallSeconds(), mavens.getLast().workSeconds());
        }
        System.out.println();
        System.out.println("                          median wall   median checks' work   median overhead");
        print("./run.sh check", ours);
        print("mvn -q test -Dtest=...", mavens);
        double overhead = median(ours.stream().map(Sample::overhead).toList());
        System.out.printf(Locale.ROOT, "%nGrading overhead %.2f s (goal: at most 1.0 s): %s%n", overhead,
                overhead <= 1.0 ? "met" : "NOT met");
    }

    static Sample threadlings(Path root) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(root.resolve("run.sh").toString(), "check", EXERCISE, "--json",
                "--exercises", root.resolve("solutions").toString())
                .directory(root.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException("./run.sh check failed (" + exit + "):\n" + out);
        }
        JsonNode report = new ObjectMapper().readTree(out);
        double work = 0;
        for (JsonNode check : report.get("exercises").get(0).get("checks")) {
            work += check.get("durationMs").asLong() / 1000.0;
        }
        return new Sample(wall, work);
    }

    static Sample maven(Path root, boolean offline) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(root.resolve("mvnw").toString(), "-q", "-B"));
        if (offline) {
            command.add("-o");
        }
        command.addAll(List.of("-pl", "lessons", "-am", "test", "-Dtest=" + CHECK_CLASS,
                "-Dsurefire.failIfNoSpecifiedTests=false", "-DskipLessonChecks=false"));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException("mvn test failed (" + exit + "):\n" + out);
        }
        Path report = root.resolve("lessons/target/surefire-reports/TEST-races.checks." + CHECK_CLASS + ".xml");
        Matcher times = Pattern.compile("<testcase [^>]*time=\"([0-9.]+)\"").matcher(Files.readString(report));
        double work = 0;
        while (times.find()) {
            work += Double.parseDouble(times.group(1));
        }
        return new Sample(wall, work);
    }

    /** The grading JVM's start-up cache is recorded in the background after the first run. */
    static void waitForStartupCache(Path root) throws IOException, InterruptedException {
        Path dir = root.resolve("engine/target/aot");
        for (int i = 0; i < 120; i++) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    if (files.noneMatch(f -> f.toString().endsWith(".training"))) {
                        return;
                    }
                }
            }
            Thread.sleep(500);
        }
    }

    static void print(String name, List<Sample> samples) {
        System.out.printf(Locale.ROOT, "%-24s %10.2f s %18.2f s %16.2f s%n", name,
                median(samples.stream().map(Sample::wallSeconds).toList()),
                median(samples.stream().map(Sample::workSeconds).toList()),
                median(samples.stream().map(Sample::overhead).toList()));
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
