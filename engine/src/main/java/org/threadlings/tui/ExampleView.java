package org.threadlings.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.threadlings.course.Example;
import org.threadlings.examples.ExampleRunner;
import org.threadlings.verdict.CompileDiagnostic;

/** An example program running in its own JVM, its output streamed into a pane. */
final class ExampleView implements View {

    private final Ui ui;
    private final Example example;
    private final Page page = new Page().following();
    private ExampleRun run;

    ExampleView(Ui ui, Example example) {
        this.ui = ui;
        this.example = example;
        start();
        ui.app().animateWhile(() -> run != null && run.running());
    }

    private void start() {
        run = new ExampleRun(example);
        run.start(ui.work(), ui.app());
        page.following();
    }

    @Override
    public String title() {
        return "example " + example.id();
    }

    @Override
    public void render(Canvas canvas) {
        canvas.put(1, 0, example.title(), Role.HEADING);
        canvas.put(1, 1, status(), run.running() ? Role.WARN : Role.DIM);
        String dash = ui.app().glyph() == Canvas.Glyph.UNICODE ? "─" : "-";
        canvas.put(0, 2, dash.repeat(canvas.width()), Role.BORDER);
        List<Line> lines = new ArrayList<>();
        if (run.dropped() > 0) {
            lines.add(Line.of(" [" + run.dropped() + " earlier lines not kept]", Role.DIM));
        }
        for (String line : run.lines()) {
            lines.add(Line.of(" " + line, Role.TEXT));
        }
        ExampleRunner.Result result = run.result();
        if (result != null && !result.compiled()) {
            lines.add(Line.of(" The example does not compile:", Role.FAIL));
            for (CompileDiagnostic d : result.compileErrors()) {
                lines.addAll(Line.wrapped((d.file() == null ? "" : ui.work().shown(d.file()) + ":" + d.line() + ": ")
                        + d.message().lines().findFirst().orElse(""), canvas.width() - 2, "   ", Role.TEXT));
            }
            if (!example.usesExercises().isEmpty()) {
                lines.add(Line.of(" It uses your files for " + String.join(", ", example.usesExercises())
                        + ": make those compile first.", Role.TEXT));
            }
        }
        page.render(canvas.region(0, 3, canvas.width(), canvas.height() - 3), lines);
    }

    private String status() {
        String seconds = String.format(Locale.ROOT, "%.1f s", run.seconds());
        ExampleRunner.Result result = run.result();
        if (result == null) {
            return "running… " + seconds + "   (s stops it)";
        }
        if (!result.compiled()) {
            return "not run: compile errors";
        }
        if (result.timedOut()) {
            return "stopped after its time limit of " + example.timeLimit().toSeconds() + " s";
        }
        if (result.stopped()) {
            return "stopped after " + seconds;
        }
        return "finished in " + seconds + " (exit status " + result.exitCode() + ")   r runs it again";
    }

    @Override
    public boolean handle(KeyStroke key) {
        if (Keys.is(key, 's')) {
            run.stop();
        } else if (Keys.is(key, 'r')) {
            run.stop();
            start();
        } else {
            return page.handle(key);
        }
        return true;
    }

    @Override
    public void closed() {
        run.stop();
    }

    @Override
    public List<KeyHint> keys() {
        return List.of(new KeyHint("s", "stop"), new KeyHint("r", "run again"), new KeyHint(ui.app().upDown(), "scroll"),
                new KeyHint("G", "follow"));
    }
}
