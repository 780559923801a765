package org.threadlings.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threadlings.course.Course;
import org.threadlings.course.Example;
import org.threadlings.course.Exercise;
import org.threadlings.course.Lesson;
import org.threadlings.course.QuizQuestion;
import org.threadlings.markdown.Anchor;
import org.threadlings.markdown.MarkdownRenderer;
import org.threadlings.markdown.RenderedText;
import org.threadlings.markdown.StyledLine;
import org.threadlings.progress.Progress;

/**
 * A lesson in four tabs: the text to read (rendered Markdown, scrolled and paged, n/p jump
 * between sections), its examples (Enter runs one), its exercises (Enter opens one) and its quiz.
 */
final class LessonView implements View {

    enum Tab { READ, EXAMPLES, EXERCISES, QUIZ }

    private final Ui ui;
    private Lesson lesson;
    private final Page page = new Page();
    private Tab tab = Tab.READ;
    private int selected;
    private int listScroll;
    private RenderedText rendered;
    /** Where the reader was before the lesson was edited, to go back to once it is laid out anew. */
    private ReadingPlace returnTo;
    private final Map<String, List<StyledLine>> quizLayout = new HashMap<>();

    LessonView(Ui ui, Lesson lesson) {
        this.ui = ui;
        this.lesson = lesson;
    }

    @Override
    public String title() {
        return lesson.title();
    }

    @Override
    public void render(Canvas canvas) {
        tabs(canvas);
        Canvas body = canvas.region(0, 2, canvas.width(), canvas.height() - 2);
        switch (tab) {
            case READ -> read(body);
            case EXAMPLES -> list(body, examplesLines(body.width() - 1), "This lesson has no examples.");
            case EXERCISES -> list(body, exercisesLines(), "");
            case QUIZ -> list(body, quizLines(body.width() - 1), "This lesson has no quiz.");
        }
    }

    private void tabs(Canvas canvas) {
        List<String> labels = tabLabels(true);
        if (labels.stream().mapToInt(l -> l.length() + 1).sum() + 1 > canvas.width()) {
            labels = tabLabels(false); // a narrow terminal: every tab still shows
        }
        int col = 1;
        for (Tab t : Tab.values()) {
            col = canvas.put(col, 0, labels.get(t.ordinal()), t == tab ? Role.SELECTED : Role.ACCENT) + 1;
        }
        canvas.put(0, 1, (ui.app().glyph() == Canvas.Glyph.UNICODE ? "─" : "-").repeat(canvas.width()), Role.BORDER);
    }

    private List<String> tabLabels(boolean counts) {
        List<String> labels = new ArrayList<>();
        for (Tab t : Tab.values()) {
            labels.add(" " + (t.ordinal() + 1) + " " + switch (t) {
                case READ -> "Read";
                case EXAMPLES -> "Examples" + (counts ? " (" + lesson.examples().size() + ")" : "");
                case EXERCISES -> "Exercises" + (counts ? " (" + lesson.exercises().size() + ")" : "");
                case QUIZ -> "Quiz" + (counts ? " (" + lesson.quiz().size() + ")" : "");
            } + " ");
        }
        return labels;
    }

    private void read(Canvas body) {
        rendered = ui.texts().get(lesson, LessonTexts.width(body.width()));
        if (returnTo != null) {
            page.scrollTo(returnTo.lineIn(rendered.headings()));
            returnTo = null;
        }
        List<Line> lines = new ArrayList<>();
        for (StyledLine line : rendered.lines()) {
            lines.add(Line.of(line, " "));
        }
        page.render(body, lines);
    }

    /**
     * Items one under the other with a blank line between them, the selected one highlighted and
     * kept in view: a quiz of long questions is taller than a small terminal.
     */
    private void list(Canvas body, List<List<Line>> items, String empty) {
        if (items.isEmpty()) {
            body.put(2, 1, empty, Role.DIM);
            return;
        }
        selected = Math.min(selected, items.size() - 1);
        List<Line> lines = new ArrayList<>(List.of(Line.EMPTY));
        int first = 0;
        int end = 0;
        for (int i = 0; i < items.size(); i++) {
            if (i == selected) {
                first = lines.size();
            }
            lines.addAll(items.get(i));
            if (i == selected) {
                end = lines.size();
            }
            lines.add(Line.EMPTY);
        }
        int height = body.height();
        if (first - 1 < listScroll) {
            listScroll = Math.max(0, first - 1);
        } else if (end + 1 > listScroll + height) {
            listScroll = Math.min(first - 1, end + 1 - height);
        }
        listScroll = Math.max(0, Math.min(listScroll, lines.size() - height));
        boolean scrollable = lines.size() > height;
        Canvas text = scrollable ? body.region(0, 0, body.width() - 1, height) : body;
        for (int row = 0; row < height && listScroll + row < lines.size(); row++) {
            int index = listScroll + row;
            if (index >= first && index < end) {
                text.fillRow(row, Role.SELECTED);
                text.put(0, row, lines.get(index), Role.SELECTED);
            } else {
                text.put(0, row, lines.get(index));
            }
        }
        if (scrollable) {
            Scrollbar.render(body, lines.size(), listScroll);
        }
    }

    private List<List<Line>> examplesLines(int width) {
        List<List<Line>> items = new ArrayList<>();
        for (Example example : lesson.examples()) {
            List<Line> lines = new ArrayList<>();
            lines.add(Line.of("  " + (ui.app().glyph() == Canvas.Glyph.UNICODE ? "▶ " : "> ") + example.title()
                    + "  (" + example.id() + ")", Role.HEADING));
            lines.addAll(Line.wrapped(example.description().strip(), width - 2, "    ", Role.TEXT));
            items.add(lines);
        }
        return items;
    }

    private List<List<Line>> exercisesLines() {
        Progress progress = ui.work().progress();
        List<List<Line>> items = new ArrayList<>();
        for (Exercise exercise : lesson.exercises()) {
            Progress.ExerciseProgress state = progress.exercise(exercise.id());
            String mark = state.done() ? ui.app().symbols().pass()
                    : state.lastResult() != null ? ui.app().symbols().fail() : ui.app().symbols().bullet();
            Role role = state.done() ? Role.PASS : state.lastResult() != null ? Role.FAIL : Role.TEXT;
            items.add(List.of(Line.of("  " + mark + " " + exercise.title() + "  (" + exercise.id() + ")", role),
                    Line.of("    " + filesShown(exercise.files())
                            + (state.done() ? "  done" : state.lastResult() != null ? "  last check: " + state.lastResult()
                            : "  not tried yet"), Role.DIM)));
        }
        return items;
    }

    /**
     * The file the student edits, and how many come with it: every path in full would push the
     * exercise's state off an 80-column line. The exercise's page lists them all.
     */
    private static String filesShown(List<String> files) {
        int others = files.size() - 1;
        return "exercises/" + files.get(0) + (others == 0 ? "" : " (+" + others + (others == 1 ? " file)" : " files)"));
    }

    /** Each question in full, wrapped, its inline code and emphasis rendered as in the lesson text. */
    private List<List<Line>> quizLines(int width) {
        Progress progress = ui.work().progress();
        List<List<Line>> items = new ArrayList<>();
        int n = 1;
        for (QuizQuestion question : lesson.quiz()) {
            Progress.QuizAnswer answer = progress.quiz().get(lesson.id() + "/" + question.id());
            String state = answer == null ? "not answered" : answer.correct() ? "answered correctly" : "answered, not right";
            Role role = answer == null ? Role.TEXT : answer.correct() ? Role.PASS : Role.WARN;
            String number = n++ + ". ";
            List<Line> lines = new ArrayList<>();
            List<StyledLine> text = quizText(question, width - 2 - number.length());
            for (int l = 0; l < text.size(); l++) {
                lines.add(Line.of(text.get(l), l == 0 ? "  " + number : " ".repeat(2 + number.length())).in(role));
            }
            lines.add(Line.of(" ".repeat(2 + number.length()) + state, Role.DIM));
            items.add(lines);
        }
        return items;
    }

    /** A question laid out for {@code width}, kept: the list is drawn on every frame. */
    private List<StyledLine> quizText(QuizQuestion question, int width) {
        int fitted = Math.max(MarkdownRenderer.MINIMUM_WIDTH, width);
        return quizLayout.computeIfAbsent(question.id() + "@" + fitted,
                k -> ui.markdown().render(question.question(), fitted).lines());
    }

    @Override
    public void courseChanged(Course course) {
        Optional<Lesson> edited = course.lesson(lesson.id());
        if (edited.isEmpty() || edited.get().equals(lesson)) {
            return; // removed from the course (still shown as it was), or not this lesson
        }
        lesson = edited.get();
        quizLayout.clear();
        if (rendered != null) {
            returnTo = ReadingPlace.of(rendered.headings(), page.offset());
        }
    }

    @Override
    public boolean handle(KeyStroke key) {
        if (Keys.tab(key)) {
            switchTo(Tab.values()[(tab.ordinal() + 1) % Tab.values().length]);
        } else if (Keys.backTab(key)) {
            switchTo(Tab.values()[(tab.ordinal() + Tab.values().length - 1) % Tab.values().length]);
        } else if (key.getKeyType() == com.googlecode.lanterna.input.KeyType.Character
                && key.getCharacter() >= '1' && key.getCharacter() <= '4' && !key.isCtrlDown()) {
            switchTo(Tab.values()[key.getCharacter() - '1']);
        } else if (tab == Tab.READ) {
            return read(key);
        } else {
            return pick(key);
        }
        return true;
    }

    private void switchTo(Tab next) {
        tab = next;
        selected = 0;
        listScroll = 0;
    }

    private boolean read(KeyStroke key) {
        if (Keys.is(key, 'n') || Keys.is(key, 'p')) {
            List<Anchor> anchors = rendered == null ? List.of() : rendered.headings();
            int here = page.offset();
            Anchor target = null;
            for (Anchor anchor : anchors) {
                if (Keys.is(key, 'n') && anchor.line() > here) {
                    target = anchor;
                    break;
                }
                if (Keys.is(key, 'p') && anchor.line() < here) {
                    target = anchor;
                }
            }
            if (target != null) {
                page.scrollTo(target.line());
            }
            return true;
        }
        return page.handle(key);
    }

    private boolean pick(KeyStroke key) {
        int count = switch (tab) {
            case EXAMPLES -> lesson.examples().size();
            case EXERCISES -> lesson.exercises().size();
            case QUIZ -> lesson.quiz().size();
            default -> 0;
        };
        if (Keys.up(key)) {
            selected = Math.max(0, selected - 1);
        } else if (Keys.down(key)) {
            selected = Math.min(Math.max(0, count - 1), selected + 1);
        } else if (Keys.enter(key) && count > 0) {
            switch (tab) {
                case EXAMPLES -> ui.app().push(new ExampleView(ui, lesson.examples().get(selected)));
                case EXERCISES -> ui.app().push(new ExerciseView(ui, lesson.exercises().get(selected)));
                case QUIZ -> ui.app().push(new QuizView(ui, lesson, selected));
                default -> { }
            }
        } else {
            return false;
        }
        return true;
    }

    @Override
    public List<KeyHint> keys() {
        List<KeyHint> keys = new ArrayList<>(List.of(new KeyHint("1-4", "tabs")));
        if (tab == Tab.READ) {
            keys.add(new KeyHint("n p", "next/prev section"));
            keys.add(new KeyHint("PgUp PgDn", "page"));
            keys.add(new KeyHint(ui.app().upDown(), "scroll"));
        } else {
            keys.add(new KeyHint("Enter", tab == Tab.EXAMPLES ? "run" : tab == Tab.QUIZ ? "answer" : "open"));
            keys.add(new KeyHint(ui.app().upDown(), "move"));
        }
        keys.add(new KeyHint("Tab", "next tab"));
        keys.add(new KeyHint("g G", "top/end"));
        return keys;
    }
}
