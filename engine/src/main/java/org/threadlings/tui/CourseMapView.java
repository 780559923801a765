package org.threadlings.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.threadlings.course.Course;
import org.threadlings.course.Exercise;
import org.threadlings.course.Lesson;
import org.threadlings.markdown.DisplayWidth;
import org.threadlings.progress.Position;
import org.threadlings.progress.Progress;

/**
 * The first screen: every lesson with its progress, the exercises of the unfolded ones, overall
 * progress, a filter (all, still to do, done), a search across all lessons, and "continue where I
 * left off". The lesson the student is on starts unfolded, the others folded, so a long course
 * still fits a small terminal; the cursor is always kept on screen.
 */
final class CourseMapView implements View {

    private static final int LIST_TOP = 4;
    private static final int BAR_WIDTH = 8;
    private static final int COUNT_WIDTH = 5; // "12/12"
    private static final int MAX_ID_WIDTH = 24;

    private final Ui ui;
    private final Set<String> unfolded = new HashSet<>();
    private MapRows.Filter filter = MapRows.Filter.ALL;
    private String search = "";
    private boolean searching;
    /** The selected line by key, so that it stays selected when lines come and go above it. */
    private String selectedKey = "";
    private int selectedIndex;
    private int scroll;
    private int listHeight = 10;
    /** Lines under the cursor to bring into view on the next frame: a lesson just unfolded. */
    private int reveal;
    private Progress progress;
    private String currentId;

    CourseMapView(Ui ui) {
        this.ui = ui;
        this.progress = ui.work().progress();
        Optional<Exercise> current = Position.current(course(), progress);
        currentId = current.map(Exercise::id).orElse(null);
        Optional<Exercise> lastOpened = current.or(() -> Optional.ofNullable(progress.current())
                .flatMap(id -> course().exercise(id)));
        lastOpened.ifPresentOrElse(e -> {
            unfolded.add(e.lessonId());
            selectedKey = e.lessonId() + "/" + e.id();
        }, () -> course().lessons().stream().findFirst().ifPresent(l -> unfolded.add(l.id())));
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
        String now = Position.current(course(), progress).map(Exercise::id).orElse(null);
        if (now != null && !now.equals(currentId)) {
            // The student moved on (n after a pass): the map follows them there.
            course().exercise(now).ifPresent(this::select);
        }
        currentId = now;
        updateProgressLabel();
    }

    @Override
    public void render(Canvas canvas) {
        long total = course().exercises().count();
        long done = course().exercises().filter(e -> progress.isDone(e.id())).count();
        int col = canvas.put(1, 1, "Progress ", Role.TEXT);
        int barWidth = Math.max(10, Math.min(30, canvas.width() - 40));
        col = Progressbar.render(canvas, col, 1, barWidth, done, total, unicode());
        canvas.put(col + 1, 1, done + " of " + total + " exercises done", Role.TEXT);
        String showing = "Showing " + switch (filter) {
            case ALL -> "all exercises";
            case PENDING -> "exercises still to do";
            case DONE -> "exercises done";
        };
        col = canvas.put(1, 2, showing, Role.DIM);
        if (searching || !search.isEmpty()) {
            col = canvas.put(col, 2, "   search: ", Role.DIM);
            canvas.put(col, 2, search + (searching ? "_" : ""), Role.INPUT);
        }
        List<MapRows.Row> rows = rows();
        listHeight = Math.max(1, canvas.height() - LIST_TOP);
        if (rows.isEmpty()) {
            canvas.put(2, LIST_TOP, searching || !search.isEmpty() ? "Nothing matches '" + search + "'."
                    : "Nothing to show with this filter (f changes it).", Role.DIM);
            return;
        }
        int selected = resolve(rows);
        keepInView(selected, rows.size());
        boolean scrollable = rows.size() > listHeight;
        Canvas list = canvas.region(0, LIST_TOP, canvas.width(), listHeight);
        Canvas lines = scrollable ? list.region(0, 0, list.width() - 1, listHeight) : list;
        int idWidth = Math.min(MAX_ID_WIDTH, course().exercises().mapToInt(e -> e.id().length()).max().orElse(10));
        for (int i = 0; i < listHeight && scroll + i < rows.size(); i++) {
            MapRows.Row row = rows.get(scroll + i);
            boolean isSelected = scroll + i == selected;
            if (isSelected) {
                lines.fillRow(i, Role.SELECTED);
            }
            if (row.isLesson()) {
                lessonRow(lines, i, row.lesson(), isSelected, rows);
            } else {
                exerciseRow(lines, i, row.exercise(), isSelected, idWidth);
            }
        }
        if (scrollable) {
            Scrollbar.render(list, rows.size(), scroll);
        }
    }

    /** Scrolls as little as needed to show the cursor, and the lines it asked to reveal below it. */
    private void keepInView(int selected, int size) {
        if (reveal > 0) {
            int last = Math.min(size - 1, selected + reveal);
            if (last >= scroll + listHeight) {
                scroll = Math.min(selected, last - listHeight + 1);
            }
            reveal = 0;
        }
        if (selected < scroll) {
            scroll = selected;
        } else if (selected >= scroll + listHeight) {
            scroll = selected - listHeight + 1;
        }
        scroll = Math.max(0, Math.min(scroll, size - listHeight));
    }

    private void lessonRow(Canvas canvas, int y, Lesson lesson, boolean isSelected, List<MapRows.Row> rows) {
        long done = lesson.exercises().stream().filter(e -> progress.isDone(e.id())).count();
        int count = lesson.exercises().size();
        boolean open = rows.stream().anyMatch(r -> !r.isLesson() && r.lesson().id().equals(lesson.id()));
        boolean complete = count > 0 && done == count;
        Style base = canvas.theme().role(isSelected ? Role.SELECTED : Role.HEADING);
        String fold = open ? (unicode() ? "▾" : "-") : (unicode() ? "▸" : "+");
        int right = canvas.width() - 1 - COUNT_WIDTH - 1 - BAR_WIDTH;
        canvas.put(1, y, fold, isSelected ? base : canvas.theme().role(Role.ACCENT));
        canvas.put(3, y, fit(lesson.title(), right - 1 - 3), base);
        if (right > 3) {
            int col = Progressbar.render(canvas, right, y, BAR_WIDTH, done, count, unicode());
            String tally = done + "/" + count;
            Role role = complete ? Role.PASS : Role.DIM;
            canvas.put(col + 1 + COUNT_WIDTH - tally.length(), y, tally,
                    isSelected ? base : canvas.theme().role(role));
        }
    }

    private void exerciseRow(Canvas canvas, int y, Exercise exercise, boolean isSelected, int idWidth) {
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
        col = canvas.put(col + 1, y, String.format("%-" + idWidth + "s", fit(exercise.id(), idWidth)), base);
        String marker = exercise.id().equals(currentId) ? ui.app().symbols().arrow() + " continue here" : "";
        int room = canvas.width() - col - 2 - (marker.isEmpty() ? 0 : marker.length() + 2);
        col = canvas.put(col + 2, y, fit(exercise.title(), Math.max(10, room)), base);
        if (!marker.isEmpty()) {
            canvas.put(col + 2, y, marker, isSelected ? base : canvas.theme().role(Role.ACCENT));
        }
    }

    /** {@code text} cut to {@code width} columns, an ellipsis saying it was cut. */
    private String fit(String text, int width) {
        if (DisplayWidth.of(text) <= width) {
            return text;
        }
        if (width <= 1) {
            return "";
        }
        StringBuilder cut = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int w = DisplayWidth.of(cp);
            if (used + w > width - 1) {
                break;
            }
            cut.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return cut.toString().stripTrailing() + (unicode() ? "…" : "~");
    }

    private boolean unicode() {
        return ui.app().glyph() == Canvas.Glyph.UNICODE;
    }

    @Override
    public boolean handle(KeyStroke key) {
        if (searching) {
            return typeSearch(key);
        }
        List<MapRows.Row> rows = rows();
        int selected = rows.isEmpty() ? 0 : resolve(rows);
        MapRows.Row row = rows.isEmpty() ? null : rows.get(selected);
        int page = Math.max(1, listHeight - 1);
        if ((Keys.enter(key) || Keys.is(key, ' ')) && row != null && row.isLesson()) {
            toggle(row.lesson());
        } else if (key.getKeyType() == KeyType.ArrowRight && row != null) {
            if (row.isLesson()) {
                unfold(row.lesson());
            }
        } else if (key.getKeyType() == KeyType.ArrowLeft && row != null) {
            if (row.isLesson()) {
                unfolded.remove(row.lesson().id());
            } else {
                selectedKey = row.lesson().id() + "/"; // to the lesson, as in any tree
            }
        } else if (Keys.up(key)) {
            moveTo(rows, selected - 1);
        } else if (Keys.down(key)) {
            moveTo(rows, selected + 1);
        } else if (Keys.pageUp(key)) {
            moveTo(rows, selected - page);
        } else if (Keys.pageDown(key)) {
            moveTo(rows, selected + page);
        } else if (Keys.home(key)) {
            moveTo(rows, 0);
        } else if (Keys.end(key)) {
            moveTo(rows, rows.size() - 1);
        } else if (Keys.enter(key) && row != null) {
            ui.app().push(new ExerciseView(ui, row.exercise()));
        } else if (Keys.is(key, 'o') && row != null) {
            ui.app().push(new LessonView(ui, row.lesson()));
        } else if (Keys.is(key, '+')) {
            course().lessons().forEach(lesson -> unfolded.add(lesson.id()));
        } else if (Keys.is(key, '-')) {
            unfolded.clear();
        } else if (Keys.is(key, 'c')) {
            continueWhereLeftOff();
        } else if (Keys.is(key, 'f')) {
            filter = MapRows.Filter.values()[(filter.ordinal() + 1) % MapRows.Filter.values().length];
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
            if (!search.isEmpty()) {
                // What the search found stays in view once it is done: its lessons unfold.
                unfolded.addAll(MapRows.lessonsWithMatches(course(), progress, filter, search));
            }
        } else if (Keys.escape(key)) {
            searching = false;
            search = "";
        } else if (key.getKeyType() == KeyType.Backspace) {
            search = search.isEmpty() ? "" : search.substring(0, search.length() - 1);
            selectFirstMatch();
        } else if (key.getKeyType() == KeyType.Character && !key.isCtrlDown()) {
            search += key.getCharacter();
            selectFirstMatch();
        }
        return true;
    }

    /** The cursor on the first exercise that matches, else the first line. */
    private void selectFirstMatch() {
        List<MapRows.Row> rows = rows();
        selectedKey = rows.stream().filter(r -> !r.isLesson()).findFirst()
                .or(() -> rows.stream().findFirst()).map(MapRows.Row::key).orElse("");
        selectedIndex = 0;
    }

    private void toggle(Lesson lesson) {
        if (!unfolded.remove(lesson.id())) {
            unfold(lesson);
        }
    }

    private void unfold(Lesson lesson) {
        if (unfolded.add(lesson.id())) {
            reveal = lesson.exercises().size();
        }
    }

    private void moveTo(List<MapRows.Row> rows, int index) {
        if (rows.isEmpty()) {
            return;
        }
        selectedIndex = Math.max(0, Math.min(rows.size() - 1, index));
        selectedKey = rows.get(selectedIndex).key();
    }

    /**
     * The index of the selected line: the one with the selected key, else its lesson's line (the
     * lesson was folded or filtered), else the nearest to where the cursor was.
     */
    private int resolve(List<MapRows.Row> rows) {
        String lessonKey = selectedKey.substring(0, selectedKey.indexOf('/') + 1);
        int lessonIndex = -1;
        for (int i = 0; i < rows.size(); i++) {
            String key = rows.get(i).key();
            if (key.equals(selectedKey)) {
                selectedIndex = i;
                return i;
            }
            if (key.equals(lessonKey)) {
                lessonIndex = i;
            }
        }
        selectedIndex = lessonIndex >= 0 ? lessonIndex : Math.max(0, Math.min(selectedIndex, rows.size() - 1));
        selectedKey = rows.get(selectedIndex).key();
        return selectedIndex;
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

    /** Puts the cursor on {@code exercise}, unfolding its lesson. */
    private void select(Exercise exercise) {
        unfolded.add(exercise.lessonId());
        selectedKey = exercise.lessonId() + "/" + exercise.id();
    }

    private List<MapRows.Row> rows() {
        return MapRows.of(course(), progress, filter, search, unfolded, searching);
    }

    private void updateProgressLabel() {
        CourseUi.showProgress(ui.app(), ui.work());
    }

    @Override
    public List<KeyHint> keys() {
        List<KeyHint> keys = new ArrayList<>(List.of(
                new KeyHint("Enter", "open", "open an exercise, fold or unfold a lesson"),
                new KeyHint("c", "continue", "continue where you left off"),
                new KeyHint("o", "read lesson", "open the lesson of this line: text, examples, quiz"),
                new KeyHint("/", "search", "search every lesson; Enter keeps the matches unfolded"),
                new KeyHint("f", "filter", "show all, still to do, or done"),
                new KeyHint(unicode() ? "← →" : "Left Right", "fold", "fold, unfold a lesson (← on an exercise: its lesson)"),
                new KeyHint("Space", "fold", "fold or unfold a lesson"),
                new KeyHint("+ -", "all", "unfold, fold every lesson"),
                new KeyHint(ui.app().upDown(), "move"),
                new KeyHint("PgUp PgDn", "page"),
                new KeyHint("Home End", "first/last", "first, last line")));
        if (!search.isEmpty()) {
            keys.add(2, new KeyHint("Esc", "clear search"));
        }
        return keys;
    }
}
