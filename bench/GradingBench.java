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
import org.threadlings.compile.SourceCompiler;
import org.threadlings.course.Exercise;
import org.threadlings.grading.Cancellation;
import org.threadlings.grading.Grader;
import org.threadlings.grading.GradingListener;
import org.threadlings.loading.CourseLoader;
import org.threadlings.sandbox.JvmLauncher;
import org.threadlings.verdict.CheckResult;
import org.threadlings.verdict.Verdict;

/**
 * Grading benchmarks, run through ./run.sh bench grading and ./run.sh bench standby.
 *
 * overhead  How much time grading adds to the checks' own work: ./run.sh check EXERCISE against
 *           mvn test -Dtest=CHECK, the same hidden check against the same reference solution,
 *           alternated in one run so that both see the same machine. Overhead = wall time of the
 *           whole command minus the time inside the check methods (from the JSON report, and
 *           from surefire's XML report). Arguments: ROOT overhead [rounds, default 9].
 * standby   What a standby grading JVM saves: grades counter-atomic (the reference solution)
 *           twice in a row, with a grader that starts a JVM per grading (the one-shot commands)
 *           and with one that keeps the next JVM waiting (the shell and the UI), in one process
 *           whose compiler is warm, pausing between the two gradings as a student would while
 *           editing. Arguments: ROOT standby [rounds, default 5] [pause in ms, default 3000; 0 for
 *           saves back to back].
 */
public class GradingBench {

    static final String EXERCISE = "counter-atomic";
    static final String CHECK_CLASS = "AtomicCounterCheck";

    /** One grading: wall time, and the part the checks themselves took. */
    record Sample(double wallSeconds, double checksSeconds) {
        double overhead() {
            return wallSeconds - checksSeconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath();
        String mode = args.length > 1 ? args[1] : "overhead";
        if (mode.equals("standby")) {
            standby(root, args.length > 2 ? Integer.parseInt(args[2]) : 5, args.length > 3 ? Long.parseLong(args[3]) : 3000);
        } else {
            overhead(root, args.length > 2 ? Integer.parseInt(args[2]) : 9);
        }
    }

    /** ./run.sh check against mvn test, alternated. */
    static void overhead(Path root, int rounds) throws Exception {
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
                    ours.getLast().wallSeconds(), ours.getLast().checksSeconds(),
                    mavens.getLast().wallSeconds(), mavens.getLast().checksSeconds());
        }
        System.out.println();
        System.out.println("                          median wall   median checks' work   median overhead");
        print("./run.sh check", ours, 24);
        print("mvn -q test -Dtest=...", mavens, 24);
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

    /** One JVM per grading against a standby JVM, two gradings each, {@code pauseMillis} apart. */
    static void standby(Path root, int rounds, long pauseMillis) throws Exception {
        Exercise exercise = new CourseLoader(root).load().exercise(EXERCISE).orElseThrow();
        Path solutions = root.resolve("solutions");
        SourceCompiler compiler = new SourceCompiler();
        JvmLauncher jvm = JvmLauncher.forThisJvm();
        System.out.printf("Standby grading JVM: %s (solution), %d rounds, %d ms between gradings, %d cores, Java %s%n",
                EXERCISE, rounds, pauseMillis, Runtime.getRuntime().availableProcessors(), Runtime.version());
        System.out.println("warming up (the compiler, the grading JVM's start-up cache)...");
        try (Grader grader = new Grader(compiler, jvm)) {
            grade(grader, exercise, solutions);
            waitForStartupCache(root);
            grade(grader, exercise, solutions);
        }

        List<Sample> freshFirst = new ArrayList<>();
        List<Sample> freshSecond = new ArrayList<>();
        List<Sample> standbyFirst = new ArrayList<>();
        List<Sample> standbySecond = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            // Alternate which goes first, so that neither always runs on a machine the other warmed.
            for (boolean standby : round % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                try (Grader grader = standby ? Grader.withStandby(compiler, jvm) : new Grader(compiler, jvm)) {
                    Sample first = grade(grader, exercise, solutions);
                    Thread.sleep(pauseMillis);
                    Sample second = grade(grader, exercise, solutions);
                    (standby ? standbyFirst : freshFirst).add(first);
                    (standby ? standbySecond : freshSecond).add(second);
                    System.out.printf(Locale.ROOT, "  round %d, %-10s first %.2f s (checks %.2f s), second %.2f s (checks %.2f s)%n",
                            round + 1, standby ? "standby:" : "one-shot:", first.wallSeconds(), first.checksSeconds(),
                            second.wallSeconds(), second.checksSeconds());
                }
            }
        }
        System.out.println();
        System.out.println("                           median wall   median checks   median overhead");
        print("one-shot, first grading", freshFirst, 26);
        print("one-shot, second grading", freshSecond, 26);
        print("standby, first grading", standbyFirst, 26);
        print("standby, second grading", standbySecond, 26);
        double saved = median(freshSecond.stream().map(Sample::overhead).toList())
                - median(standbySecond.stream().map(Sample::overhead).toList());
        System.out.printf(Locale.ROOT, "%nStandby takes %.2f s off the overhead of a second grading.%n", saved);
    }

    static Sample grade(Grader grader, Exercise exercise, Path solutions) {
        long start = System.nanoTime();
        Verdict verdict = grader.grade(exercise, solutions, GradingListener.NONE, new Cancellation());
        double wall = (System.nanoTime() - start) / 1e9;
        if (!verdict.passed()) {
            throw new IllegalStateException("the reference solution did not pass: " + verdict);
        }
        double checks = verdict.checks().stream().mapToLong(CheckResult::millis).sum() / 1000.0;
        return new Sample(wall, checks);
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

    static void print(String name, List<Sample> samples, int width) {
        System.out.printf(Locale.ROOT, "%-" + width + "s %10.2f s %16.2f s %16.2f s%n", name,
                median(samples.stream().map(Sample::wallSeconds).toList()),
                median(samples.stream().map(Sample::checksSeconds).toList()),
                median(samples.stream().map(Sample::overhead).toList()));
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
