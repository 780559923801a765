package org.threadlings.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.threadlings.course.Course;
import org.threadlings.course.Exercise;
import org.threadlings.markdown.StyledLine;
import org.threadlings.progress.Position;
import org.threadlings.progress.Progress;
import org.threadlings.workspace.Reset;
import org.threadlings.workspace.StarterStore;

/**
 * An exercise: the task, the file to edit (opened in the student's editor from here), the
 * latest verdict check by check as it arrives, hints one at a time, the reference solution
 * after a pass (or on request), and reset.
 */
final class ExerciseView implements View {

    private final Ui ui;
    private Exercise exercise;
    private final Page page = new Page();
    private final List<Line> taskLines = new ArrayList<>();
    private int taskWidth = -1;

    ExerciseView(Ui ui, Exercise exercise) {
        this.ui = ui;
        this.exercise = exercise;
        ui.work().workingOn(exercise);
        ui.work().prepare(exercise);
    }

    Exercise exercise() {
        return exercise;
    }

    @Override
    public void courseChanged(Course course) {
        course.exercise(exercise.id()).filter(edited -> !edited.equals(exercise)).ifPresent(edited -> {
            exercise = edited;
            taskWidth = -1; // the task is laid out anew
        });
    }

    @Override
    public String title() {
        return exercise.id();
    }

    @Override
    public void render(Canvas canvas) {
        int width = Math.min(canvas.width() - 1, 110);
        page.render(canvas, document(width));
    }

    private List<Line> document(int width) {
        Progress progress = ui.work().progress();
        List<Line> lines = new ArrayList<>();
        lines.add(Line.of(" " + exercise.title(), Role.HEADING));
        for (String file : exercise.files()) {
            // e opens the first file, the one the task is about; the others are its companions.
            boolean first = file.equals(exercise.files().get(0));
            lines.add(Line.of(Line.text(first ? " File  " : " Also  ", Role.DIM),
                    Line.text(ui.work().shown(ui.work().fileOf(exercise, file)), Role.ACCENT),
                    Line.text(first ? "   (e opens it in your editor)" : "", Role.DIM)));
        }
        lines.add(Line.of(Line.text(" Mode  ", Role.DIM), Line.text(ui.watching().describe(), Role.TEXT)));
        lines.add(Line.EMPTY);
        lines.add(rule("Task", width));
        lines.addAll(task(width));
        lines.add(Line.EMPTY);
        lines.add(rule("Checks", width));
        lines.addAll(verdict(progress, width));
        lines.add(Line.EMPTY);
        lines.addAll(hints(progress, width));
        return lines;
    }

    private List<Line> task(int width) {
        if (taskWidth != width) {
            taskLines.clear();
            for (StyledLine line : ui.markdown().render(exercise.task(), Math.max(20, width - 2)).lines()) {
                taskLines.add(Line.of(line, " "));
            }
            taskWidth = width;
        }
        return taskLines;
    }

    private List<Line> verdict(Progress progress, int width) {
        VerdictLines render = new VerdictLines(ui.app().symbols(), ui.app().glyph() == Canvas.Glyph.UNICODE, width,
                ui.work()::shown);
        Gradings.Live live = ui.gradings().live(exercise.id());
        List<Line> lines = new ArrayList<>();
        if (live == null) {
            Progress.ExerciseProgress state = progress.exercise(exercise.id());
            String earlier = state.done() ? "Done: this exercise passed earlier."
                    : state.lastResult() != null ? "Last checked earlier: " + state.lastResult() + "." : "Not checked yet.";
            lines.add(Line.of(" " + earlier + " Press r to check it now"
                    + (ui.watching().active() ? ", or save the file." : "."), Role.TEXT));
            return lines;
        }
        lines.addAll(render.live(live));
        if (!live.inProgress() && live.verdict.passed()) {
            lines.add(Line.EMPTY);
            Optional<Exercise> next = Position.nextAfter(ui.work().course(), progress, exercise);
            lines.add(next.map(n -> Line.of(" Well done! Press n for the next exercise: " + n.title() + " (" + n.id() + ")",
                    Role.PASS)).orElse(Line.of(" Well done! That was the last exercise still to do.", Role.PASS)));
        }
        return lines;
    }

    private List<Line> hints(Progress progress, int width) {
        List<Line> lines = new ArrayList<>();
        int shown = Math.min(progress.exercise(exercise.id()).hintsShown(), exercise.hints().size());
        lines.add(rule("Hints (" + shown + " of " + exercise.hints().size() + " shown"
                + (shown < exercise.hints().size() ? ", h for the next" : "") + ")", width));
        for (int i = 0; i < shown; i++) {
            List<StyledLine> hint = ui.markdown().render(exercise.hints().get(i).strip(), Math.max(20, width - 5)).lines();
            for (int l = 0; l < hint.size(); l++) {
                lines.add(Line.of(hint.get(l), l == 0 ? String.format(" %2d. ", i + 1) : "     "));
            }
        }
        return lines;
    }

    private Line rule(String title, int width) {
        String dash = ui.app().glyph() == Canvas.Glyph.UNICODE ? "─" : "-";
        String head = dash + " " + title + " ";
        return Line.of(Line.text(" " + head, Role.HEADING), Line.text(dash.repeat(Math.max(0, width - head.length() - 1)), Role.BORDER));
    }

    @Override
    public boolean handle(KeyStroke key) {
        if (Keys.is(key, 'r')) {
            ui.gradings().start(exercise, "r");
        } else if (Keys.is(key, 'x')) {
            ui.gradings().cancel();
        } else if (Keys.is(key, 'e')) {
            edit();
        } else if (Keys.is(key, 'h')) {
            hint();
        } else if (Keys.is(key, 's')) {
            solution();
        } else if (Keys.is(key, 'R')) {
            ui.app().overlay(new ConfirmOverlay("Put the original starter of " + exercise.id()
                    + " back? Your version is saved first, in .threadlings/backups/.", this::reset));
        } else if (Keys.is(key, 'n')) {
            next();
        } else if (Keys.is(key, 'w')) {
            ui.watching().toggle();
        } else {
            return page.handle(key);
        }
        return true;
    }

    private void edit() {
        Path file = ui.work().fileOf(exercise, exercise.files().get(0));
        if (ui.editor().command(file).isEmpty()) {
            ui.app().status("Set $EDITOR (or $VISUAL), e.g. export EDITOR=nano; or open " + ui.work().shown(file)
                    + " in any editor: saving it re-checks.", Role.WARN);
            return;
        }
        String before = read(file);
        try {
            ui.app().suspendFor(() -> ui.editor().edit(file));
        } catch (Exception e) {
            ui.app().status("Could not start the editor: " + e.getMessage(), Role.FAIL);
            return;
        }
        if (!ui.watching().active() && !before.equals(read(file))) {
            ui.gradings().start(exercise, "saved");
        }
    }

    private void hint() {
        int shown = ui.work().progress().exercise(exercise.id()).hintsShown();
        if (exercise.hints().isEmpty()) {
            ui.app().status("This exercise has no hints.", Role.DIM);
        } else if (shown >= exercise.hints().size()) {
            ui.app().status("All " + exercise.hints().size() + " hints are shown below.", Role.DIM);
        } else {
            ui.work().hintShown(exercise, shown + 1);
            page.scrollTo(Integer.MAX_VALUE);
        }
    }

    private void solution() {
        boolean passed = ui.work().progress().isDone(exercise.id());
        if (passed) {
            ui.app().push(new SolutionView(ui, exercise));
        } else {
            ui.app().overlay(new ConfirmOverlay("You have not passed " + exercise.id() + " yet. Look at the "
                    + "reference solution anyway? Working it out yourself teaches more.",
                    () -> ui.app().push(new SolutionView(ui, exercise))));
        }
    }

    private void reset() {
        try {
            Reset.Result result = ui.work().reset(exercise);
            ui.app().status(result.restored().isEmpty() ? "It already was the original starter."
                    : "Restored the starter" + (result.backupDir() == null ? "." : "; your version is in "
                    + ui.work().shown(result.backupDir())), Role.PASS);
        } catch (IOException | StarterStore.MissingOriginal e) {
            ui.app().status("Could not reset: " + e.getMessage(), Role.FAIL);
        }
    }

    private void next() {
        Gradings.Live live = ui.gradings().live(exercise.id());
        boolean passed = live != null && !live.inProgress() && live.verdict.passed()
                || ui.work().progress().isDone(exercise.id());
        if (!passed) {
            return;
        }
        Position.nextAfter(ui.work().course(), ui.work().progress(), exercise).ifPresent(next -> {
            ui.app().back();
            ui.app().push(new ExerciseView(ui, next));
        });
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public List<KeyHint> keys() {
        return List.of(new KeyHint("r", "check"), new KeyHint("e", "edit"), new KeyHint("h", "hint"),
                new KeyHint("x", "cancel"), new KeyHint("n", "next"), new KeyHint("s", "solution"),
                new KeyHint("R", "reset"), new KeyHint("w", "watch on/off"), new KeyHint("PgUp PgDn", "scroll"));
    }
}
