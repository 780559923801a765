package org.threadlings.tui;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.threadlings.report.Symbols;
import org.threadlings.verdict.CheckResult;
import org.threadlings.verdict.CheckStatus;
import org.threadlings.verdict.CompileDiagnostic;
import org.threadlings.verdict.ExerciseStatus;
import org.threadlings.verdict.Measurement;
import org.threadlings.verdict.Outcome;
import org.threadlings.verdict.Verdict;

/**
 * A grading, live or finished, as lines for the exercise screen: each check with its mark, the
 * message that says what to do, speed-ups as bars (one thread, required, yours), compile errors
 * with a caret, and the first lines of the student's own output.
 */
final class VerdictLines {

    private static final String[] SPINNER = {"|", "/", "-", "\\"};
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final int OUTPUT_LINES = 8;

    private final Symbols symbols;
    private final boolean unicode;
    private final int width;
    private final Function<java.nio.file.Path, String> shown;

    VerdictLines(Symbols symbols, boolean unicode, int width, Function<java.nio.file.Path, String> shown) {
        this.symbols = symbols;
        this.unicode = unicode;
        this.width = width;
        this.shown = shown;
    }

    List<Line> live(Gradings.Live live) {
        List<Line> lines = new ArrayList<>();
        if (live.inProgress()) {
            String spin = SPINNER[(int) (System.currentTimeMillis() / 120 % SPINNER.length)];
            String doing = switch (live.phase) {
                case QUEUED -> "starting";
                case COMPILING -> "compiling your code";
                case RUNNING -> live.runningCheck.isEmpty() ? "starting the checks"
                        : "running " + Math.min(live.finished.size() + 1, Math.max(1, live.planned.size())) + " of "
                        + live.planned.size() + ": " + live.runningCheck;
                case DONE -> "";
            };
            lines.add(Line.of(" " + spin + " " + doing + "…   (x cancels)", Role.WARN));
            lines.add(Line.EMPTY);
            live.finished.forEach(c -> lines.addAll(check(c)));
            return lines;
        }
        return finished(live.verdict, live.doneAt == null ? "" : CLOCK.format(LocalTime.ofInstant(live.doneAt, ZoneId.systemDefault())),
                live.trigger);
    }

    List<Line> finished(Verdict verdict, String at, String trigger) {
        List<Line> lines = new ArrayList<>();
        long passed = verdict.count(CheckStatus.PASS);
        String label = verdict.status().name(); // PASS, FAIL, ERROR, TIMEOUT
        String summary = verdict.checks().isEmpty() ? verdict.outcome().label().replace('-', ' ')
                : passed + " of " + verdict.checks().size() + " checks passed"
                + (verdict.count(CheckStatus.INCONCLUSIVE) > 0 ? ", " + verdict.count(CheckStatus.INCONCLUSIVE)
                + " inconclusive" : "");
        String when = String.format(Locale.ROOT, "%.1f s", verdict.elapsed().toMillis() / 1000.0)
                + (at.isEmpty() ? "" : ", " + at) + (trigger.equals("saved") ? " after you saved" : "");
        lines.add(Line.of(Line.text(" ", Role.TEXT), Line.text(label, verdict.passed() ? Role.PASS
                        : verdict.status() == ExerciseStatus.INCONCLUSIVE ? Role.WARN : Role.FAIL),
                Line.text("  " + summary + "  ", Role.TEXT), Line.text(when, Role.DIM)));
        lines.add(Line.EMPTY);
        if (!verdict.compileErrors().isEmpty()) {
            lines.addAll(Line.wrapped(verdict.message(), width, "   ", Role.FAIL));
            for (CompileDiagnostic d : verdict.compileErrors()) {
                String where = d.file() == null ? "" : shown.apply(d.file()) + (d.line() > 0 ? ":" + d.line() : "") + ": ";
                lines.addAll(Line.wrapped(where + d.message().lines().findFirst().orElse(""), width, "   ", Role.TEXT));
                if (verdict.outcome() == Outcome.COMPILE_ERROR) {
                    d.caretExcerpt().lines().forEach(l -> lines.add(Line.of("      " + l, Role.WARN)));
                }
            }
            lines.add(Line.EMPTY);
        } else if (!verdict.message().isEmpty() && verdict.outcome() != Outcome.COMPLETED) {
            lines.addAll(Line.wrapped(verdict.message(), width, "   ", Role.FAIL));
            lines.add(Line.EMPTY);
        } else if (verdict.status() == ExerciseStatus.INCONCLUSIVE) {
            lines.addAll(Line.wrapped(verdict.message(), width, "   ", Role.WARN));
            lines.add(Line.EMPTY);
        }
        verdict.checks().forEach(c -> lines.addAll(check(c)));
        if (!verdict.output().isEmpty()) {
            List<String> output = verdict.output().text().lines().toList();
            lines.add(Line.of("   Your code printed" + (output.size() > OUTPUT_LINES ? " (first " + OUTPUT_LINES + " lines)" : "")
                    + ":", Role.DIM));
            output.stream().limit(OUTPUT_LINES).forEach(l -> lines.add(Line.of("   | " + l, Role.DIM)));
        }
        return lines;
    }

    private List<Line> check(CheckResult check) {
        List<Line> lines = new ArrayList<>();
        Role role = switch (check.status()) {
            case PASS -> Role.PASS;
            case FAIL, ERROR -> Role.FAIL;
            case INCONCLUSIVE -> Role.WARN;
        };
        String time = check.millis() > 0 ? String.format(Locale.ROOT, "  %.1f s", check.millis() / 1000.0) : "";
        lines.add(Line.of(Line.text(" ", Role.TEXT), Line.text(symbols.of(check.status()), role),
                Line.text(" " + check.name(), Role.TEXT),
                Line.text(check.status() == CheckStatus.INCONCLUSIVE ? "  (inconclusive)" : "", Role.WARN),
                Line.text(time, Role.DIM)));
        if (check.measurement() != null) {
            lines.addAll(bars(check.measurement()));
        }
        if (check.status() != CheckStatus.PASS && !check.message().isEmpty()) {
            lines.addAll(Line.wrapped(check.message(), width, "     ", Role.TEXT));
        }
        for (String detail : check.details()) {
            lines.addAll(Line.wrapped(detail, width, "     ", Role.DIM));
        }
        return lines;
    }

    /** One thread, the bar the machine sets right now, and the student's speed-up, to scale. */
    private List<Line> bars(Measurement m) {
        int barWidth = Math.max(10, Math.min(40, width - 28));
        double scale = Math.max(1.0, Math.max(m.measured(), m.required())) * 1.1;
        List<Line> lines = new ArrayList<>();
        lines.add(bar("one thread", 1.0, scale, barWidth, Role.DIM, m.unit()));
        lines.add(bar("required", m.required(), scale, barWidth, Role.BAR_REQUIRED, m.unit()));
        lines.add(bar("yours", m.measured(), scale, barWidth, m.met() ? Role.PASS : Role.FAIL, m.unit()));
        return lines;
    }

    private Line bar(String label, double value, double scale, int barWidth, Role role, String unit) {
        int filled = (int) Math.round(barWidth * value / scale);
        String block = unicode ? "█" : "#";
        return Line.of(Line.text(String.format(Locale.ROOT, "      %-11s", label), Role.TEXT),
                Line.text(block.repeat(Math.max(1, filled)), role),
                Line.text(" " + String.format(Locale.ROOT, "%.2f", value) + unit, Role.TEXT));
    }
}
