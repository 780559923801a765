import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * What a standby grading JVM saves: grades counter-atomic (the reference solution) twice in a
 * row, with a grader that starts a JVM per grading (the one-shot commands) and with one that keeps
 * the next JVM waiting (the shell and the UI), in one process whose compiler is warm. Between the
 * two gradings it pauses as a student would while editing; pass 0 to see saves back to back.
 *
 * Run with ./run.sh bench standby. Arguments: the course root, then optionally the number of
 * rounds (default 5) and the pause between the gradings in milliseconds (default 3000).
 */
public class StandbyGrading {

    static final String EXERCISE = "counter-atomic";

    /** One grading: the time from asking to the verdict, and the part the checks themselves took. */
    record Sample(double wallSeconds, double checksSeconds) {
        double overhead() {
            return wallSeconds - checksSeconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long pauseMillis = args.length > 2 ? Long.parseLong(args[2]) : 3000;
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
        print("one-shot, first grading", freshFirst);
        print("one-shot, second grading", freshSecond);
        print("standby, first grading", standbyFirst);
        print("standby, second grading", standbySecond);
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

    /** The grading JVM's start-up cache is recorded in the background after the first grading. */
    static void waitForStartupCache(Path root) throws Exception {
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
        System.out.printf(Locale.ROOT, "%-26s %10.2f s %13.2f s %15.2f s%n", name,
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
