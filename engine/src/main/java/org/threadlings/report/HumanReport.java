package org.threadlings.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.threadlings.verdict.CompileDiagnostic;
import org.threadlings.course.Exercise;
import org.threadlings.verdict.CheckResult;
import org.threadlings.verdict.CheckStatus;
import org.threadlings.verdict.ExerciseStatus;
import org.threadlings.verdict.Measurement;
import org.threadlings.verdict.Outcome;
import org.threadlings.verdict.Verdict;

/**
 * A verdict as a person reads it in a terminal: each check with its mark, what went wrong and
 * what to try, the evidence, and the student's own output, capped. Styled with JLine's attributed
 * strings, which print as colour on a terminal and as plain text anywhere else.
 */
public final class HumanReport {

    private static final AttributedStyle PASS = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    private static final AttributedStyle FAIL = AttributedStyle.BOLD.foreground(AttributedStyle.RED);
    private static final AttributedStyle WARN = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    private static final AttributedStyle DIM = AttributedStyle.DEFAULT.faint();
    private static final AttributedStyle BOLD = AttributedStyle.BOLD;
    private static final int OUTPUT_LINES = 20;

    private final Symbols symbols;
    private final int width;
    private final Function<Path, String> shownPath;

    /**
     * @param shownPath how to print a file's path (relative to the course folder, usually)
     */
    public HumanReport(Symbols symbols, int width, Function<Path, String> shownPath) {
        this.symbols = symbols;
        this.width = Math.max(40, width);
        this.shownPath = shownPath;
    }

    /** The heading printed before an exercise is graded. */
    public AttributedString heading(Exercise exercise) {
        return new AttributedStringBuilder()
                .style(BOLD).append(exercise.id()).style(AttributedStyle.DEFAULT)
                .append(" ").append(symbols.bullet()).append(" ").append(exercise.title())
                .toAttributedString();
    }

    /** The result of one exercise, after its heading. */
    public AttributedString verdict(Verdict verdict, Path studentDir, Exercise exercise) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        if (!verdict.compileErrors().isEmpty()) {
            compileErrors(out, verdict);
        } else if (!verdict.message().isEmpty() && verdict.outcome() != Outcome.COMPLETED) {
            block(out, "  ", verdict.message(), verdict.status() == ExerciseStatus.PASS ? DIM : FAIL);
        }
        for (CheckResult check : verdict.checks()) {
            check(out, check);
        }
        output(out, verdict);
        summaryLine(out, verdict);
        if (verdict.status() == ExerciseStatus.INCONCLUSIVE && !verdict.message().isEmpty()) {
            block(out, "  ", verdict.message(), WARN);
        }
        if (!verdict.passed()) {
            String files = String.join(", ", exercise.files().stream()
                    .map(f -> shownPath.apply(studentDir.resolve(f))).toList());
            out.style(DIM).append("  Edit ").append(files).append(" ").append(symbols.bullet())
                    .append(" stuck? ./run.sh hint ").append(exercise.id()).append('\n');
        }
        return out.toAttributedString();
    }

    /** One line for several exercises: how many passed. */
    public AttributedString total(List<Verdict> verdicts) {
        long passed = verdicts.stream().filter(Verdict::passed).count();
        AttributedStringBuilder out = new AttributedStringBuilder();
        out.style(passed == verdicts.size() ? PASS : FAIL)
                .append(passed == verdicts.size() ? "All " + verdicts.size() + " exercises pass."
                        : passed + " of " + verdicts.size() + " exercises pass.");
        return out.toAttributedString();
    }

    private void compileErrors(AttributedStringBuilder out, Verdict verdict) {
        out.style(FAIL).append("  ").append(verdict.message()).append('\n');
        boolean studentCode = verdict.outcome() == Outcome.COMPILE_ERROR;
        for (CompileDiagnostic d : verdict.compileErrors()) {
            String where = d.file() == null ? "" : shownPath.apply(d.file()) + (d.line() > 0 ? ":" + d.line() : "") + ": ";
            out.style(BOLD).append("    ").append(where).style(AttributedStyle.DEFAULT);
            List<String> message = d.message().lines().toList();
            out.append(message.isEmpty() ? "" : message.get(0)).append('\n');
            message.stream().skip(1).forEach(l -> out.style(DIM).append("      ").append(l.strip()).append('\n'));
            if (studentCode && !d.caretExcerpt().isEmpty()) {
                d.caretExcerpt().lines().forEach(l -> out.style(WARN).append("      ").append(l).append('\n'));
            }
        }
        out.style(AttributedStyle.DEFAULT);
    }

    private void check(AttributedStringBuilder out, CheckResult check) {
        AttributedStyle style = styleOf(check.status());
        String time = check.millis() > 0 ? seconds(check.millis()) : "";
        String head = "  " + symbols.of(check.status()) + " " + check.name();
        out.style(style).append("  ").append(symbols.of(check.status())).append(' ')
                .style(check.status() == CheckStatus.PASS ? AttributedStyle.DEFAULT : BOLD).append(check.name());
        if (check.status() == CheckStatus.INCONCLUSIVE) {
            out.style(WARN).append("  (inconclusive)");
        }
        if (!time.isEmpty() && head.length() + time.length() + 2 <= width) {
            out.style(DIM).append("  ").append(time);
        }
        out.style(AttributedStyle.DEFAULT).append('\n');
        if (check.measurement() != null) {
            Measurement m = check.measurement();
            out.style(check.status() == CheckStatus.PASS ? DIM : style)
                    .append("      measured ").append(number(m.measured(), m.unit()))
                    .append(", required ").append(m.higherIsBetter() ? "≥ " : "≤ ").append(number(m.required(), m.unit()))
                    .append('\n');
        }
        if (!check.message().isEmpty() && check.status() != CheckStatus.PASS) {
            block(out, "      ", check.message(), AttributedStyle.DEFAULT);
        }
        for (String detail : check.details()) {
            block(out, "      ", detail, DIM);
        }
    }

    private void output(AttributedStringBuilder out, Verdict verdict) {
        if (verdict.output().isEmpty()) {
            return;
        }
        List<String> lines = verdict.output().text().lines().toList();
        long bytes = verdict.output().totalBytes();
        String size = bytes < 1024 ? bytes + " bytes"
                : bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        out.style(DIM).append("  Your code printed ").append(size)
                .append(lines.size() > OUTPUT_LINES ? " (first " + OUTPUT_LINES + " lines shown):" : ":").append('\n');
        lines.stream().limit(OUTPUT_LINES).forEach(l -> out.append("  | ").append(clip(l)).append('\n'));
        out.style(AttributedStyle.DEFAULT);
    }

    private void summaryLine(AttributedStringBuilder out, Verdict verdict) {
        long passed = verdict.count(CheckStatus.PASS);
        long inconclusive = verdict.count(CheckStatus.INCONCLUSIVE);
        String label = verdict.status().name(); // PASS, FAIL, ERROR, TIMEOUT
        out.style(verdict.passed() ? PASS.bold() : verdict.status() == ExerciseStatus.INCONCLUSIVE ? WARN.bold() : FAIL)
                .append("  ").append(label).style(AttributedStyle.DEFAULT);
        if (!verdict.checks().isEmpty()) {
            out.append("  ").append(passed + " of " + verdict.checks().size() + " checks passed");
            if (inconclusive > 0) {
                out.style(WARN).append(", " + inconclusive + " inconclusive").style(AttributedStyle.DEFAULT);
            }
        } else if (verdict.outcome() != Outcome.COMPLETED) {
            out.append("  ").append(verdict.outcome().label().replace('-', ' '));
        }
        out.style(DIM).append(" ").append(symbols.bullet()).append(" ").append(seconds(verdict.elapsed().toMillis()))
                .style(AttributedStyle.DEFAULT).append('\n');
    }

    private void block(AttributedStringBuilder out, String indent, String text, AttributedStyle style) {
        for (String line : Wrap.lines(text, width - indent.length())) {
            out.style(style).append(indent).append(line).append('\n');
        }
        out.style(AttributedStyle.DEFAULT);
    }

    private String clip(String line) {
        return line.length() <= width - 4 ? line : line.substring(0, width - 5) + "…";
    }

    private static AttributedStyle styleOf(CheckStatus status) {
        return switch (status) {
            case PASS -> PASS;
            case FAIL, ERROR -> FAIL;
            case INCONCLUSIVE -> WARN;
        };
    }

    private static String number(double value, String unit) {
        return String.format(Locale.ROOT, "%.2f", value) + unit;
    }

    static String seconds(long millis) {
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
