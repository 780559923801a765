package org.threadlings.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.List;
import org.threadlings.course.Exercise;
import org.threadlings.markdown.JavaHighlighter;
import org.threadlings.markdown.StyledLine;

/** The reference solution of an exercise, with Java colours. */
final class SolutionView implements View {

    private final Ui ui;
    private final Exercise exercise;
    private final Page page = new Page();
    private final List<Line> lines = new ArrayList<>();

    SolutionView(Ui ui, Exercise exercise) {
        this.ui = ui;
        this.exercise = exercise;
        String source = ui.work().solution(exercise).orElse("(no reference solution)");
        for (StyledLine line : new JavaHighlighter().highlight(source)) {
            lines.add(Line.of(line, " "));
        }
    }

    @Override
    public String title() {
        return "solution of " + exercise.id();
    }

    @Override
    public void render(Canvas canvas) {
        page.render(canvas, lines);
    }

    @Override
    public boolean handle(KeyStroke key) {
        return page.handle(key);
    }

    @Override
    public List<KeyHint> keys() {
        return List.of(new KeyHint(ui.app().upDown(), "scroll"), new KeyHint("PgUp PgDn", "page"));
    }
}
