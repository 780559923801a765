package org.threadlings.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.threadlings.course.Course;
import org.threadlings.course.Lesson;
import org.threadlings.course.QuizQuestion;
import org.threadlings.markdown.StyledLine;

/**
 * A lesson's quiz, one question at a time: pick a choice (arrows and Enter, or its letter), see
 * whether it was right, why, and the explanation; then the next question.
 */
final class QuizView implements View {

    private final Ui ui;
    private Lesson lesson;
    private final Page page = new Page();
    private int index;
    private int selected;
    private Integer answered;

    QuizView(Ui ui, Lesson lesson, int index) {
        this.ui = ui;
        this.lesson = lesson;
        this.index = index;
    }

    @Override
    public String title() {
        return "quiz " + (index + 1) + " of " + lesson.quiz().size();
    }

    private QuizQuestion question() {
        return lesson.quiz().get(index);
    }

    @Override
    public void render(Canvas canvas) {
        int width = Math.min(canvas.width() - 2, 100);
        List<Line> lines = new ArrayList<>();
        for (StyledLine line : ui.markdown().render(question().question(), Math.max(20, width - 1)).lines()) {
            lines.add(Line.of(line, " "));
        }
        lines.add(Line.EMPTY);
        List<QuizQuestion.Choice> choices = question().choices();
        for (int i = 0; i < choices.size(); i++) {
            QuizQuestion.Choice choice = choices.get(i);
            String letter = (char) ('a' + i) + ") ";
            Role role = Role.TEXT;
            String mark = "  ";
            if (answered != null) {
                if (choice.correct()) {
                    role = Role.PASS;
                    mark = ui.app().symbols().pass() + " ";
                } else if (answered == i) {
                    role = Role.FAIL;
                    mark = ui.app().symbols().fail() + " ";
                }
            } else if (i == selected) {
                role = Role.SELECTED;
            }
            List<StyledLine> text = ui.markdown().render(choice.text(), Math.max(20, width - 6)).lines();
            for (int l = 0; l < text.size(); l++) {
                String prefix = l == 0 ? " " + mark + letter : "      ";
                lines.add(Line.of(text.get(l), prefix).in(role));
            }
        }
        if (answered != null) {
            QuizQuestion.Choice picked = choices.get(answered);
            lines.add(Line.EMPTY);
            lines.add(Line.of(picked.correct() ? " Right." : " Not quite.", picked.correct() ? Role.PASS : Role.FAIL));
            if (!picked.feedback().isEmpty()) {
                lines.addAll(Line.wrapped(picked.feedback(), width, " ", Role.TEXT));
            }
            lines.add(Line.EMPTY);
            for (StyledLine line : ui.markdown().render(question().explanation(), Math.max(20, width - 1)).lines()) {
                lines.add(Line.of(line, " "));
            }
            lines.add(Line.EMPTY);
            lines.add(Line.of(index + 1 < lesson.quiz().size() ? " n: next question" : " That was the last question.",
                    Role.DIM));
        }
        page.render(canvas.region(0, 1, canvas.width(), canvas.height() - 1), lines);
    }

    @Override
    public void courseChanged(Course course) {
        Optional<Lesson> edited = course.lesson(lesson.id());
        if (edited.isEmpty() || edited.get().quiz().size() <= index) {
            return; // the question is gone: it stays on screen as it was
        }
        if (!edited.get().quiz().get(index).equals(question())) {
            answered = null; // a changed question is asked again
            selected = Math.min(selected, edited.get().quiz().get(index).choices().size() - 1);
        }
        lesson = edited.get();
    }

    @Override
    public boolean handle(KeyStroke key) {
        int count = question().choices().size();
        if (answered == null) {
            if (Keys.up(key)) {
                selected = Math.max(0, selected - 1);
            } else if (Keys.down(key)) {
                selected = Math.min(count - 1, selected + 1);
            } else if (Keys.enter(key)) {
                answer(selected);
            } else if (key.getKeyType() == KeyType.Character && !key.isCtrlDown()
                    && key.getCharacter() >= 'a' && key.getCharacter() < 'a' + count) {
                answer(key.getCharacter() - 'a');
            } else {
                return false;
            }
            return true;
        }
        if ((Keys.is(key, 'n') || Keys.enter(key)) && index + 1 < lesson.quiz().size()) {
            index++;
            selected = 0;
            answered = null;
            page.scrollTo(0);
            return true;
        }
        return page.handle(key);
    }

    private void answer(int choice) {
        answered = choice;
        ui.work().answered(lesson, question(), choice);
    }

    @Override
    public List<KeyHint> keys() {
        return answered == null
                ? List.of(new KeyHint("a-" + (char) ('a' + question().choices().size() - 1), "answer"),
                new KeyHint(ui.app().upDown() + " Enter", "pick"))
                : List.of(new KeyHint("n", "next question"), new KeyHint(ui.app().upDown(), "scroll"));
    }
}
