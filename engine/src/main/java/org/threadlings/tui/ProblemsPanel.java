package org.threadlings.tui;

import java.util.ArrayList;
import java.util.List;
import org.threadlings.loading.Problem;
import org.threadlings.report.Wrap;

/**
 * The problems of lesson files edited while the UI is open, at the foot of every screen until
 * they are fixed: each as {@code file:line:column: message}, so an editor can jump to it.
 */
final class ProblemsPanel {

    private final List<Problem> problems;
    private int laidOutWidth = -1;
    private List<Line> laidOut = List.of();

    ProblemsPanel(List<Problem> problems) {
        this.problems = List.copyOf(problems);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** The rows the panel takes at {@code width}, at most {@code max}. */
    int height(int width, int max) {
        return isEmpty() ? 0 : Math.min(max, lines(width).size() + 1);
    }

    void render(Canvas canvas) {
        canvas.put(0, 0, (canvas.glyph() == Canvas.Glyph.UNICODE ? "─" : "-").repeat(canvas.width()), Role.BORDER);
        List<Line> lines = lines(canvas.width());
        int room = canvas.height() - 1;
        for (int i = 0; i < room && i < lines.size(); i++) {
            boolean last = i == room - 1 && lines.size() > room;
            canvas.put(0, i + 1, last ? Line.of(" … and more: ./run.sh validate lists every problem.", Role.DIM)
                    : lines.get(i));
        }
    }

    /** The panel's text wrapped to {@code width}; kept, as it is drawn on every frame. */
    private List<Line> lines(int width) {
        if (width == laidOutWidth) {
            return laidOut;
        }
        List<Line> lines = new ArrayList<>(Line.wrapped("The lesson files have "
                + (problems.size() == 1 ? "a problem" : problems.size() + " problems")
                + "; the screens show the lessons as they last loaded. Saving a fix reloads them.", width - 1, " ",
                Role.FAIL));
        for (Problem problem : problems) {
            // A hanging indent: where one problem ends and the next begins stays plain to see.
            List<String> parts = Wrap.lines(problem.toString(), Math.max(10, width - 3));
            for (int i = 0; i < parts.size(); i++) {
                lines.add(Line.of((i == 0 ? " " : "   ") + parts.get(i), Role.WARN));
            }
        }
        laidOutWidth = width;
        laidOut = lines;
        return lines;
    }
}
