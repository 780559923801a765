package org.threadlings.tui;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.threadlings.course.Course;
import org.threadlings.course.Lesson;
import org.threadlings.course.Section;
import org.threadlings.markdown.MarkdownRenderer;
import org.threadlings.markdown.RenderedText;

/**
 * Lesson texts laid out for a width, kept: laying out a whole lesson takes a noticeable moment the
 * first time, so it is done once per lesson and width, and ahead of time in the background for
 * the width the UI starts with, before the student opens a lesson.
 */
final class LessonTexts {

    private record Key(String lesson, int width) {
    }

    private final MarkdownRenderer renderer;
    private final Map<Key, RenderedText> rendered = new ConcurrentHashMap<>();

    LessonTexts(MarkdownRenderer renderer) {
        this.renderer = renderer;
    }

    RenderedText get(Lesson lesson, int width) {
        return rendered.computeIfAbsent(new Key(lesson.id(), width), k -> renderer.render(markdown(lesson), width));
    }

    /** Drops the layouts of a lesson whose text was edited: the next {@link #get} lays it out anew. */
    void forget(String lessonId) {
        rendered.keySet().removeIf(key -> key.lesson().equals(lessonId));
    }

    /** Lays out every lesson for {@code width} on a background thread. */
    void prepare(Course course, int width) {
        Thread.ofPlatform().daemon(true).priority(Thread.MIN_PRIORITY).name("threadlings-layout").start(() -> {
            for (Lesson lesson : course.lessons()) {
                get(lesson, width);
            }
        });
    }

    /** The lesson as one Markdown document: title, summary, then its sections, numbered. */
    static String markdown(Lesson lesson) {
        StringBuilder text = new StringBuilder("# ").append(lesson.title()).append("\n\n")
                .append(lesson.summary().strip()).append("\n\n");
        int n = 1;
        for (Section section : lesson.sections()) {
            text.append("## ").append(n++).append(". ").append(section.title()).append("\n\n")
                    .append(section.markdown().strip()).append("\n\n");
        }
        text.append("---\n\nNext: the **examples** (press 2), the **exercises** (3) and the **quiz** (4).\n");
        return text.toString();
    }

    /** The reading width for a content area {@code columns} wide: room for a margin and the scroll bar. */
    static int width(int columns) {
        return Math.max(MarkdownRenderer.MINIMUM_WIDTH, Math.min(columns - 3, 100));
    }
}
