import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.threadlings.course.Course;
import org.threadlings.course.Exercise;
import org.threadlings.course.WrongAnswer;
import org.threadlings.grading.Cancellation;
import org.threadlings.grading.GradingListener;
import org.threadlings.grading.protocol.CheckSelection;
import org.threadlings.loading.CourseLoader;
import org.threadlings.report.JsonReport;
import org.threadlings.session.Session;
import org.threadlings.verdict.Verdict;
import org.threadlings.workspace.Workspace;

/**
 * Verdict stability, measured: grades every reference solution and every known-wrong answer N
 * times in each of three conditions, through ./run.sh check --json as a student would, and prints
 * per exercise and condition the false passes, false fails, the inconclusive rate, how often a
 * wrong answer's own check showed a pass (or, for a starter, a check meant to catch a mistake),
 * and the median and worst grading time. The starters are graded too: a racy starter must never
 * pass, nor show a ✓ on a check that catches races.
 *
 *   quiet    nothing else running (as far as this program is concerned)
 *   busy     one core kept busy by a pinned shell loop this program starts and stops
 *   onecore  the grading pinned to a single core (taskset -c 0, or the core --core names)
 *
 * Usage: ./run.sh bench verdicts [--rounds N] [--conditions quiet,busy,onecore] [--csv FILE]
 *                                 [--solutions | --wrong] [--core N] [--warm] [LESSON|EXERCISE...]
 *        ./run.sh bench verdicts --table FILE...   (the table of gradings recorded with --csv)
 * The bar: zero false passes and zero false fails in every condition; inconclusive only where the
 * condition makes a verdict impossible (one core, for checks that need two).
 *
 * With --warm, gradings go through one session kept open, as the full-screen UI grades a saved
 * file: the compiler stays warm and each grading's JVM is started ahead of time. The verdicts
 * come from the same grader; the time a ./run.sh check spends starting up is left out, which
 * about halves a study. In the onecore condition the whole study (and so every grading JVM it
 * starts) is pinned to the core.
 *
 * --solutions grades the solutions alone; --wrong grades everything else (starters and known-wrong
 * answers), so the two questions can be studied one at a time and added up with --table.
 *
 * A grading pinned to one core cannot use another, so two onecore studies can share a two-core
 * machine, each from its own clone, one with --core 0 and one with --core 1: one core each, with
 * a neighbour on the other (caches and memory are shared), in half the hours. Quiet and busy need
 * the machine to themselves.
 */
public class VerdictStability {

    enum Kind { SOLUTION, STARTER, WRONG }

    /** Something graded again and again, and what it must come out as. */
    record Submission(Exercise exercise, Kind kind, WrongAnswer wrong, Path folder) {
        String label() {
            return switch (kind) {
                case SOLUTION -> "solution";
                case STARTER -> "starter";
                case WRONG -> "wrong/" + wrong.name();
            };
        }
    }

    /** How one grading came out, against what it should have been. */
    enum Result { RIGHT, FALSE_PASS, FALSE_FAIL, WRONG_CHECK, INCONCLUSIVE }

    /**
     * @param label    which submission: solution, starter, wrong/NAME
     * @param verdicts each check's verdict, "tenThreads=fail,randomised=pass": a check that says
     *                 pass one time and fail another on the same code is a check a racy submission
     *                 can get a tick from
     */
    record Grading(Result result, boolean intendedCheckPassed, long millis, String why, String label, String verdicts) {
        Grading(Result result, boolean intendedCheckPassed, long millis, String why) {
            this(result, intendedCheckPassed, millis, why, "", "");
        }

        Grading as(String submission, String checks) {
            return new Grading(result, intendedCheckPassed, millis, why, submission, checks);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String USAGE = "usage: ./run.sh bench verdicts [--rounds N] [--conditions quiet,busy,onecore] "
            + "[--csv FILE] [--solutions | --wrong] [--core N] [--warm] [LESSON|EXERCISE...]\n       ./run.sh bench verdicts --table FILE...";

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath();
        int rounds = 20;
        List<String> conditions = List.of("quiet", "busy", "onecore");
        List<String> only = new ArrayList<>();
        Path csv = null;
        boolean solutionsOnly = false;
        boolean wrongOnly = false;
        int core = 0;
        boolean warm = false;
        List<Path> tables = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--conditions" -> conditions = Arrays.asList(args[++i].split(","));
                case "--csv" -> csv = Path.of(args[++i]).toAbsolutePath();
                case "--table" -> { // FILE..., as many as follow
                    while (i + 1 < args.length && !args[i + 1].startsWith("-")) {
                        tables.add(Path.of(args[++i]).toAbsolutePath());
                    }
                }
                case "--solutions" -> solutionsOnly = true;
                case "--wrong" -> wrongOnly = true;
                case "--core" -> core = Integer.parseInt(args[++i]);
                case "--warm" -> warm = true;
                default -> {
                    if (args[i].startsWith("-")) {
                        System.err.println("unknown option " + args[i] + "\n" + USAGE);
                        System.exit(2);
                    }
                    only.add(args[i]);
                }
            }
        }
        if (solutionsOnly && wrongOnly) {
            System.err.println("--solutions and --wrong leave nothing to grade together; choose one\n" + USAGE);
            System.exit(2);
        }
        if (!tables.isEmpty()) {
            printFrom(tables);
            return;
        }
        Course course = new CourseLoader(root).load();
        List<Exercise> exercises = course.exercises()
                .filter(e -> only.isEmpty() || only.contains(e.id()) || only.contains(e.lessonId())).toList();
        List<String> unknown = only.stream().filter(id -> course.exercises()
                .noneMatch(e -> e.id().equals(id) || e.lessonId().equals(id))).toList();
        if (!unknown.isEmpty()) {
            // Hours of grading nothing would be a poor answer to a typo.
            System.err.println("no lesson or exercise " + String.join(", ", unknown) + " in this course\n" + USAGE);
            System.exit(2);
        }
        Path work = Files.createTempDirectory("threadlings-verdicts");
        try {
            List<Submission> submissions = new ArrayList<>();
            for (Exercise exercise : exercises) {
                if (!wrongOnly) { // the solutions' own study may have been done already
                    submissions.add(new Submission(exercise, Kind.SOLUTION, null, root.resolve("solutions")));
                }
                if (solutionsOnly) {
                    continue; // "20 of 20 solutions pass" is a question of its own, and a quicker one
                }
                submissions.add(new Submission(exercise, Kind.STARTER, null, starters(root, work, exercise)));
                for (WrongAnswer wrong : exercise.wrongAnswers()) {
                    submissions.add(new Submission(exercise, Kind.WRONG, wrong, lay(root, work, exercise, wrong)));
                }
            }
            System.out.printf(Locale.ROOT, "%d submissions (%d exercises), %d gradings each in each of %s.%n",
                    submissions.size(), exercises.size(), rounds, String.join(", ", conditions));
            Map<String, Map<String, List<Grading>>> table = new LinkedHashMap<>();
            int processors = Runtime.getRuntime().availableProcessors();
            for (String condition : conditions) {
                Process busy = condition.equals("busy") ? busyLoop() : null;
                boolean pinned = warm && condition.equals("onecore");
                if (pinned) {
                    pin(String.valueOf(core));
                }
                // A session per condition: the JVM it starts ahead is started under that condition.
                Session session = warm ? Session.interactive(new Workspace(root)) : null;
                try {
                    for (int round = 1; round <= rounds; round++) {
                        for (Submission s : submissions) {
                            Grading g = grade(root, s, condition.equals("onecore") && !warm ? core : -1, session);
                            if (csv != null) {
                                append(csv, condition, s, g);
                            }
                            table.computeIfAbsent(row(s.exercise().id(), s.label()), k -> new LinkedHashMap<>())
                                    .computeIfAbsent(condition, k -> new ArrayList<>()).add(g);
                            if (g.result() != Result.RIGHT || g.intendedCheckPassed()) {
                                System.out.printf(Locale.ROOT, "  %-8s round %2d  %-22s %-34s %s: %s%n", condition, round,
                                        s.exercise().id(), s.label(), g.result(), g.why());
                            }
                        }
                        System.out.printf(Locale.ROOT, "  %s: round %d of %d done%n", condition, round, rounds);
                        if (round % 5 == 0 && round < rounds) {
                            print(table, conditions, rounds); // a long study can be stopped with figures in hand
                        }
                    }
                } finally {
                    if (busy != null) {
                        busy.destroyForcibly();
                    }
                    if (session != null) {
                        session.close();
                    }
                    if (pinned) {
                        pin("0-" + (processors - 1));
                    }
                }
            }
            print(table, conditions, rounds);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A folder like exercises/ holding the exercise's original starter files. */
    static Path starters(Path root, Path work, Exercise exercise) throws IOException {
        Path dir = work.resolve(exercise.id()).resolve("starter");
        for (String file : exercise.files()) {
            Path target = dir.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(root.resolve("exercises").resolve(file), target);
        }
        return dir;
    }

    /** A folder like exercises/ holding the solution's files with the wrong answer's on top. */
    static Path lay(Path root, Path work, Exercise exercise, WrongAnswer wrong) throws IOException {
        Path dir = work.resolve(exercise.id()).resolve(wrong.name());
        for (String file : exercise.files()) {
            Path given = wrong.folder().resolve(file);
            Path target = dir.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(Files.isRegularFile(given) ? given : root.resolve("solutions").resolve(file), target);
        }
        return dir;
    }

    /** A shell loop pinned to the last processor: one core kept busy, as another program would. */
    static Process busyLoop() throws IOException {
        int last = Runtime.getRuntime().availableProcessors() - 1;
        List<String> command = hasTaskset()
                ? List.of("taskset", "-c", String.valueOf(last), "sh", "-c", "while :; do :; done")
                : List.of("sh", "-c", "while :; do :; done");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
        return p;
    }

    static boolean hasTaskset() {
        try {
            return new ProcessBuilder("taskset", "-V").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * Pins every thread of this JVM to {@code cores} ("0", "0-1"); the JVMs it starts from now
     * on inherit that. A study that cannot be pinned stops: its rows would say "onecore" wrongly.
     */
    static void pin(String cores) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("taskset", "-a", "-pc", cores, String.valueOf(ProcessHandle.current().pid()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IOException("taskset could not pin this study to core(s) " + cores);
        }
    }

    /**
     * @param core    the one core to pin the grading to, or -1 to leave it free
     * @param session the session to grade in (--warm), or null for a ./run.sh check per grading
     */
    static Grading grade(Path root, Submission s, int core, Session session) throws IOException, InterruptedException {
        long start = System.nanoTime();
        String out = session == null ? throughTheShell(root, s, core) : inSession(session, s);
        long millis = (System.nanoTime() - start) / 1_000_000;
        JsonNode exercise = JSON.readTree(out).path("exercises").path(0);
        String status = exercise.path("status").asText();
        List<String> verdicts = new ArrayList<>();
        exercise.path("checks").forEach(c -> verdicts.add(c.path("check").asText() + "=" + c.path("status").asText()));
        Grading graded = switch (s.kind()) {
            case SOLUTION -> solution(status, exercise, millis);
            case STARTER -> starter(status, exercise, millis);
            case WRONG -> wrong(s.wrong(), status, exercise, millis);
        };
        return graded.as(s.label(), String.join(",", verdicts));
    }

    /** The report of ./run.sh check --json, as a student would get it from the shell. */
    static String throughTheShell(Path root, Submission s, int core) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (core >= 0) {
            command.addAll(List.of("taskset", "-c", String.valueOf(core)));
        }
        command.addAll(List.of(root.resolve("run.sh").toString(), "check", s.exercise().id(), "--json",
                "--exercises", s.folder().toString()));
        if (s.kind() == Kind.WRONG) {
            // The question for a wrong answer is whether its own check catches it, as in validate;
            // the other checks would be most of the time.
            command.addAll(List.of("--only", s.wrong().caughtBy()));
        }
        Process p = new ProcessBuilder(command).directory(root.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /** The same report from a session kept open, as the full-screen UI grades a saved file. */
    static String inSession(Session session, Submission s) {
        CheckSelection checks = s.kind() == Kind.WRONG ? CheckSelection.only(s.wrong().caughtBy()) : CheckSelection.all();
        Verdict verdict = session.grader().grade(s.exercise(), s.folder(), GradingListener.NONE, new Cancellation(), checks);
        return new JsonReport(session.workspace()::shown).render(List.of(new JsonReport.Entry(s.exercise(), verdict)));
    }

    static Grading solution(String status, JsonNode exercise, long millis) {
        return switch (status) {
            case "pass" -> new Grading(Result.RIGHT, false, millis, "");
            case "inconclusive" -> new Grading(Result.INCONCLUSIVE, false, millis, firstMessage(exercise, "inconclusive"));
            default -> new Grading(Result.FALSE_FAIL, false, millis, status + ": " + firstMessage(exercise, "fail"));
        };
    }

    /**
     * A starter must not pass. Whether a check of it ever shows a pass it should not (a racy
     * starter's race check) is read from the verdicts across gradings: see {@link #flips}.
     */
    static Grading starter(String status, JsonNode exercise, long millis) {
        return switch (status) {
            case "pass" -> new Grading(Result.FALSE_PASS, false, millis, "the starter passed every check");
            case "inconclusive" -> new Grading(Result.INCONCLUSIVE, false, millis, firstMessage(exercise, "inconclusive"));
            default -> new Grading(Result.RIGHT, false, millis, "");
        };
    }

    static Grading wrong(WrongAnswer wrong, String status, JsonNode exercise, long millis) {
        boolean intendedFailed = false;
        boolean intendedPassed = false;
        boolean anyFailed = false;
        for (JsonNode check : exercise.path("checks")) {
            boolean intended = check.path("check").asText().equals(wrong.caughtBy());
            String checkStatus = check.path("status").asText();
            boolean failed = checkStatus.equals("fail") || checkStatus.equals("error");
            anyFailed |= failed;
            intendedFailed |= intended && failed;
            intendedPassed |= intended && checkStatus.equals("pass");
        }
        if (intendedFailed) {
            return new Grading(Result.RIGHT, false, millis, "");
        }
        if (anyFailed || status.equals("error") || status.equals("timeout")) {
            return new Grading(Result.WRONG_CHECK, intendedPassed, millis, firstMessage(exercise, "fail"));
        }
        return status.equals("inconclusive")
                ? new Grading(Result.INCONCLUSIVE, intendedPassed, millis, firstMessage(exercise, "inconclusive"))
                : new Grading(Result.FALSE_PASS, intendedPassed, millis, "every check passed");
    }

    static String firstMessage(JsonNode exercise, String status) {
        for (JsonNode check : exercise.path("checks")) {
            if (check.path("status").asText().equals(status)) {
                return check.path("name").asText() + ": " + check.path("message").asText().lines().findFirst().orElse("");
            }
        }
        return exercise.path("message").asText().lines().findFirst().orElse(exercise.path("outcome").asText());
    }

    static void print(Map<String, Map<String, List<Grading>>> table, List<String> conditions, int rounds) {
        System.out.println();
        System.out.println("| exercise · graded | condition | gradings | false passes | false fails | caught by another check "
                + "| inconclusive | ✓ on a check meant to catch it | ✓ and ✗ on the same code | median | worst |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        table.forEach((exercise, byCondition) -> {
            for (String condition : conditions) {
                List<Grading> list = byCondition.getOrDefault(condition, List.of());
                if (list.isEmpty()) {
                    continue; // not graded in this condition (yet, or in the files tabled)
                }
                long[] times = list.stream().mapToLong(Grading::millis).sorted().toArray();
                System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %.0f %% | %d | %s | %.1f s | %.1f s |%n",
                        exercise, condition, list.size(), count(list, Result.FALSE_PASS), count(list, Result.FALSE_FAIL),
                        count(list, Result.WRONG_CHECK), 100.0 * count(list, Result.INCONCLUSIVE) / Math.max(1, list.size()),
                        list.stream().filter(Grading::intendedCheckPassed).count(), flips(list),
                        times.length == 0 ? 0 : times[times.length / 2] / 1000.0,
                        times.length == 0 ? 0 : times[times.length - 1] / 1000.0);
            }
        });
    }

    /**
     * One grading as a tab-separated line: a long study can run in several sittings (each with
     * {@code --csv FILE}) and be tabled at the end with {@code --table FILE}.
     */
    static void append(Path csv, String condition, Submission s, Grading g) throws IOException {
        String line = String.join("\t", condition, s.exercise().id(), s.label(), g.result().name(),
                String.valueOf(g.intendedCheckPassed()), String.valueOf(g.millis()), g.why().replace('\t', ' ')
                        .replace('\n', ' '), g.verdicts()) + "\n";
        Files.writeString(csv, line, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    /** The table of gradings recorded with --csv, in the order they were first seen. */
    static void printFrom(List<Path> files) throws IOException {
        Map<String, Map<String, List<Grading>>> table = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (f.length < 6) {
                    continue;
                }
                if (!conditions.contains(f[0])) {
                    conditions.add(f[0]);
                }
                table.computeIfAbsent(row(f[1], f[2]), k -> new LinkedHashMap<>()).computeIfAbsent(f[0], k -> new ArrayList<>())
                        .add(new Grading(Result.valueOf(f[3]), Boolean.parseBoolean(f[4]), Long.parseLong(f[5]),
                                f.length > 6 ? f[6] : "", f[2], f.length > 7 ? f[7] : ""));
            }
        }
        print(table, conditions, 0);
    }

    /**
     * The checks that passed in one grading and failed in another of the very same submission:
     * for code with a bug, a check that sometimes ticks it; "-" when the gradings did not record
     * their checks' verdicts.
     */
    static String flips(List<Grading> list) {
        if (list.stream().allMatch(g -> g.verdicts().isEmpty())) {
            return "-";
        }
        Map<String, java.util.Set<String>> seen = new LinkedHashMap<>();
        for (Grading g : list) {
            for (String verdict : g.verdicts().split(",")) {
                int eq = verdict.indexOf('=');
                if (eq > 0) {
                    seen.computeIfAbsent(g.label() + " " + verdict.substring(0, eq), k -> new java.util.TreeSet<>())
                            .add(verdict.substring(eq + 1));
                }
            }
        }
        List<String> flipped = seen.entrySet().stream()
                .filter(e -> e.getValue().contains("pass") && e.getValue().contains("fail")).map(Map.Entry::getKey).toList();
        return flipped.isEmpty() ? "0" : flipped.size() + " (" + String.join(", ", flipped) + ")";
    }

    /** A row of the table: an exercise's solution, its starter, or its known-wrong answers together. */
    static String row(String exercise, String label) {
        return exercise + " · " + (label.startsWith("wrong/") ? "wrong answers" : label);
    }

    static long count(List<Grading> list, Result result) {
        return list.stream().filter(g -> g.result() == result).count();
    }
}
