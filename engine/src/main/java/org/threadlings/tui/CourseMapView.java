package org.threadlings.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.threadlings.course.Course;
import org.threadlings.course.Exercise;
import org.threadlings.course.Lesson;
import org.threadlings.progress.Position;
import org.threadlings.progress.Progress;

/**
 * The first screen: every lesson with its exercises and their status, overall progress, a
 * filter (all, still to do, done), a search, and "continue where I left off".
 */
final class CourseMapView implements View {

    enum Filter { ALL, PENDING, DONE }

    /** A line of the map: a lesson, or one of its exercises. */
    private record Row(Lesson lesson, Exercise exercise) {
    }

    private final Ui ui;
    private Filter filter = Filter.ALL;
    private String search = "";
    private boolean searching;
    private int selected;
    private int scroll;
    private Progress progress;

    CourseMapView(Ui ui) {
        this.ui = ui;
        this.progress = ui.work().progress();
        Position.current(course(), progress).ifPresent(this::select);
        updateProgressLabel();
    }

    private Course course() {
        return ui.work().course();
    }

    @Override
    public String title() {
        return "course map";
    }

    @Override
    public void resumed() {
        progress = ui.work().progress();
        updateProgressLabel();
    }

    @Override
    public void render(Canvas canvas) {
        long total = course().exercises().count();
        long done = course().exercises().filter(e -> progress.isDone(e.id())).count();
        int col = canvas.put(1, 1, "Progress ", Role.TEXT);
        int barWidth = Math.max(10, Math.min(30, canvas.width() - 40));
        col = Progressbar.render(canvas, col, 1, barWidth, done, total, ui.app().glyph() == Canvas.Glyph.UNICODE);
        canvas.put(col + 1, 1, done + " of " + total + " exercises done", Role.TEXT);
        String showing = "Showing " + switch (filter) {
            case ALL -> "all exercises";
            case PENDING -> "exercises still to do";
            case DONE -> "exercises done";
        };
        col = canvas.put(1, 2, showing, Role.DIM);
        if (searching || !search.isEmpty()) {
            col = canvas.put(col, 2, "   search: ", Role.DIM);
            col = canvas.put(col, 2, search + (searching ? "_" : ""), Role.INPUT);
        }
        List<Row> rows = rows();
        int listTop = 4;
        int listHeight = canvas.height() - listTop;
        if (rows.isEmpty()) {
            canvas.put(2, listTop, searching || !search.isEmpty() ? "Nothing matches '" + search + "'."
                    : "Nothing to show with this filter (f changes it).", Role.DIM);
            return;
        }
        selected = Math.min(selected, rows.size() - 1);
        if (selected < scroll) {
            scroll = selected;
        } else if (selected >= scroll + listHeight) {
            scroll = selected - listHeight + 1;
        }
        Optional<Exercise> current = Position.current(course(), progress);
        int idWidth = course().exercises().mapToInt(e -> e.id().length()).max().orElse(10);
        for (int i = 0; i < listHeight && scroll + i < rows.size(); i++) {
            Row row = rows.get(scroll + i);
            int y = listTop + i;
            boolean isSelected = scroll + i == selected;
            if (isSelected) {
                canvas.fillRow(y, Role.SELECTED);
            }
            if (row.exercise() == null) {
                lessonRow(canvas, y, row.lesson(), isSelected);
            } else {
                exerciseRow(canvas, y, row.exercise(), isSelected, idWidth,
                        current.map(c -> c.id().equals(row.exercise().id())).orElse(false));
            }
        }
    }

    private void lessonRow(Canvas canvas, int y, Lesson lesson, boolean isSelected) {
        long done = lesson.exercises().stream().filter(e -> progress.isDone(e.id())).count();
        Style base = canvas.theme().role(isSelected ? Role.SELECTED : Role.HEADING);
        int col = canvas.put(1, y, lesson.title(), base);
        canvas.put(col, y, "  " + done + "/" + lesson.exercises().size(), isSelected ? base : canvas.theme().role(Role.DIM));
    }

    private void exerciseRow(Canvas canvas, int y, Exercise exercise, boolean isSelected, int idWidth, boolean isCurrent) {
        Progress.ExerciseProgress state = progress.exercise(exercise.id());
        Gradings.Live live = ui.gradings().live(exercise.id());
        String mark;
        Role role;
        if (live != null && live.inProgress()) {
            mark = "~";
            role = Role.WARN;
        } else if (state.done()) {
            mark = ui.app().symbols().pass();
            role = Role.PASS;
        } else if ("inconclusive".equals(state.lastResult())) {
            mark = ui.app().symbols().inconclusive();
            role = Role.WARN;
        } else if (state.lastResult() != null) {
            mark = ui.app().symbols().fail();
            role = Role.FAIL;
        } else {
            mark = ui.app().symbols().bullet();
            role = Role.DIM;
        }
        Style base = canvas.theme().role(isSelected ? Role.SELECTED : Role.TEXT);
        int col = canvas.put(3, y, mark, isSelected ? base : canvas.theme().role(role));
        col = canvas.put(col + 1, y, String.format("%-" + idWidth + "s", exercise.id()), base);
        col = canvas.put(col + 2, y, exercise.title(), base);
        if (isCurrent) {
            canvas.put(col + 2, y, ui.app().symbols().arrow() + " continue here (c)",
                    isSelected ? base : canvas.theme().role(Role.ACCENT));
        }
    }

    @Override
    public boolean handle(KeyStroke key) {
        if (searching) {
            return typeSearch(key);
        }
        List<Row> rows = rows();
        if (Keys.up(key)) {
            selected = Math.max(0, selected - 1);
        } else if (Keys.down(key)) {
            selected = Math.min(Math.max(0, rows.size() - 1), selected + 1);
        } else if (Keys.pageUp(key)) {
            selected = Math.max(0, selected - 10);
        } else if (Keys.pageDown(key)) {
            selected = Math.min(Math.max(0, rows.size() - 1), selected + 10);
        } else if (Keys.home(key)) {
            selected = 0;
        } else if (Keys.end(key)) {
            selected = Math.max(0, rows.size() - 1);
        } else if (Keys.enter(key) && !rows.isEmpty()) {
            open(rows.get(Math.min(selected, rows.size() - 1)));
        } else if (Keys.is(key, 'c')) {
            continueWhereLeftOff();
        } else if (Keys.is(key, 'f')) {
            filter = Filter.values()[(filter.ordinal() + 1) % Filter.values().length];
            selected = 0;
        } else if (Keys.is(key, '/')) {
            searching = true;
        } else if (Keys.escape(key) && !search.isEmpty()) {
            search = "";
        } else {
            return false;
        }
        return true;
    }

    private boolean typeSearch(KeyStroke key) {
        if (Keys.enter(key) || key.getKeyType() == KeyType.ArrowDown) {
            searching = false;
        } else if (Keys.escape(key)) {
            searching = false;
            search = "";
        } else if (key.getKeyType() == KeyType.Backspace) {
            search = search.isEmpty() ? "" : search.substring(0, search.length() - 1);
        } else if (key.getKeyType() == KeyType.Character && !key.isCtrlDown()) {
            search += key.getCharacter();
            selected = 0;
        }
        return true;
    }

    private void continueWhereLeftOff() {
        Optional<Exercise> current = Position.current(course(), progress);
        if (current.isEmpty()) {
            ui.app().status("Every exercise is done. Pick any to look at it again.", Role.PASS);
            return;
        }
        select(current.get());
        ui.app().push(new ExerciseView(ui, current.get()));
    }

    private void open(Row row) {
        if (row.exercise() != null) {
            ui.app().push(new ExerciseView(ui, row.exercise()));
        } else {
            ui.app().push(new LessonView(ui, row.lesson()));
        }
    }

    private void select(Exercise exercise) {
        List<Row> rows = rows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).exercise() != null && rows.get(i).exercise().id().equals(exercise.id())) {
                selected = i;
            }
        }
    }

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        String query = search.toLowerCase(Locale.ROOT);
        for (Lesson lesson : course().lessons()) {
            List<Row> exercises = new ArrayList<>();
            for (Exercise exercise : lesson.exercises()) {
                boolean done = progress.isDone(exercise.id());
                boolean shown = switch (filter) {
                    case ALL -> true;
                    case PENDING -> !done;
                    case DONE -> done;
                };
                boolean matches = query.isEmpty() || exercise.id().contains(query)
                        || exercise.title().toLowerCase(Locale.ROOT).contains(query)
                        || lesson.title().toLowerCase(Locale.ROOT).contains(query);
                if (shown && matches) {
                    exercises.add(new Row(lesson, exercise));
                }
            }
            boolean lessonMatches = query.isEmpty() || lesson.title().toLowerCase(Locale.ROOT).contains(query);
            if (!exercises.isEmpty() || (filter == Filter.ALL && lessonMatches)) {
                rows.add(new Row(lesson, null));
                rows.addAll(exercises);
            }
        }
        return rows;
    }

    private void updateProgressLabel() {
        CourseUi.showProgress(ui.app(), ui.work());
    }

    @Override
    public List<KeyHint> keys() {
        return List.of(new KeyHint("Enter", "open"), new KeyHint("c", "continue"),
                new KeyHint("f", "filter"), new KeyHint("/", "search"),
                new KeyHint(ui.app().upDown(), "move"), new KeyHint("PgUp PgDn", "page"));
    }
}
