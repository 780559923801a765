package org.threadlings.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.threadlings.verdict.CheckResult;
import org.threadlings.verdict.Verdict;

/**
 * The gradings that took longest in a validation, with the check that took most of each: where an
 * author looks first to keep the course's validation fast (a wait that runs out, a stress budget
 * larger than the verdict needs).
 */
public final class SlowestGradings {

    /**
     * One grading: whose, how long in all, how much of it its checks ran (the rest is compiling,
     * starting a JVM and waiting for a free processor), and its slowest check (empty when none ran).
     */
    public record Grading(String exercise, String submission, long millis, long checksMillis, String slowestCheck,
                          long checkMillis) {
    }

    private SlowestGradings() {
    }

    /** Every grading done now (carried-over reports have none), slowest first. */
    public static List<Grading> of(List<CourseValidator.ExerciseReport> reports) {
        List<Grading> all = new ArrayList<>();
        for (CourseValidator.ExerciseReport r : reports) {
            String id = r.exercise().id();
            add(all, id, "starter", r.starter());
            add(all, id, "solution", r.solution());
            r.wrong().forEach(w -> add(all, id, "wrong/" + w.answer().name(), w.verdict()));
        }
        all.sort(Comparator.comparingLong(Grading::millis).reversed());
        return all;
    }

    private static void add(List<Grading> all, String exercise, String submission, Verdict verdict) {
        if (verdict == null) {
            return;
        }
        CheckResult slowest = verdict.checks().stream().max(Comparator.comparingLong(CheckResult::millis)).orElse(null);
        long checks = verdict.checks().stream().mapToLong(CheckResult::millis).sum();
        all.add(slowest == null
                ? new Grading(exercise, submission, verdict.elapsed().toMillis(), checks, "", 0)
                : new Grading(exercise, submission, verdict.elapsed().toMillis(), checks, slowest.method(),
                slowest.millis()));
    }

    /** The first {@code count} as lines of text, under a heading; nothing when there are none. */
    public static List<String> render(List<Grading> slowest, int count) {
        List<String> lines = new ArrayList<>();
        if (slowest.isEmpty() || count <= 0) {
            return lines;
        }
        lines.add("Slowest gradings: in all, in its checks, and its longest check");
        for (Grading g : slowest.subList(0, Math.min(count, slowest.size()))) {
            lines.add(String.format(Locale.ROOT, "  %6.1f s %6.1f s  %-18s %-28s %s", g.millis() / 1000.0,
                    g.checksMillis() / 1000.0, g.exercise(), g.submission(), g.slowestCheck().isEmpty() ? "(no check ran)"
                            : g.slowestCheck() + String.format(Locale.ROOT, " %.1f s", g.checkMillis() / 1000.0)));
        }
        return lines;
    }
}
