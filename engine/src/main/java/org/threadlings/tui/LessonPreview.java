package org.threadlings.tui;

import java.util.List;
import org.threadlings.course.Course;
import org.threadlings.course.Lesson;
import org.threadlings.loading.CourseFormatException;
import org.threadlings.watch.SaveListener;
import org.threadlings.watch.SaveWatcher;
import org.threadlings.watch.WatchStart;

/**
 * Live preview for lesson authors: saving a lesson's YAML or Markdown while the UI is open
 * reloads the course, and every open screen takes the new text where the reader was. A file that
 * does not load leaves the last good version on screen with its problems listed under it, each
 * with its position, until a save fixes it. Watching and loading happen off the UI thread; only
 * the finished result is handed to it.
 */
final class LessonPreview implements AutoCloseable {

    private final Coursework work;
    private final App app;
    private final LessonTexts texts;
    private final WatchMode watching;
    private final Object lock = new Object();
    private SaveWatcher watcher;
    private boolean closed;
    /** Whether the problems of a file that did not load are on screen. UI thread. */
    private boolean broken;

    LessonPreview(Coursework work, App app, LessonTexts texts, WatchMode watching) {
        this.work = work;
        this.app = app;
        this.texts = texts;
        this.watching = watching;
    }

    /** Starts watching the lessons on a thread of its own, so that the UI's first frame does not wait. */
    void start() {
        Thread.ofPlatform().daemon(true).name("threadlings-lessons-start").start(() -> {
            WatchStart start = work.watchLessons(new Edits());
            if (start instanceof WatchStart.Watching w) {
                synchronized (lock) {
                    if (!closed) {
                        watcher = w.watcher();
                        return;
                    }
                }
                w.watcher().close(); // the UI ended while this was starting
            }
            // Unavailable: lessons shown are those loaded at start; students never notice.
        });
    }

    @Override
    public void close() {
        SaveWatcher open;
        synchronized (lock) {
            closed = true;
            open = watcher;
            watcher = null;
        }
        if (open != null) {
            open.close();
        }
    }

    /** UI thread: the course loaded after an edit. */
    private void loaded(Course after) {
        boolean wasBroken = broken;
        broken = false;
        app.problems(List.of());
        Course before = work.course();
        if (after.equals(before)) {
            if (wasBroken) {
                app.status("The lesson files load again.", Role.PASS);
            }
            return; // saved without a change that shows
        }
        work.replaceCourse(after);
        List<String> edited = after.lessons().stream()
                .filter(lesson -> !before.lesson(lesson.id()).map(lesson::equals).orElse(false))
                .map(Lesson::id)
                .toList();
        edited.forEach(texts::forget);
        watching.courseChanged(before, after);
        app.courseChanged(after);
        CourseUi.showProgress(app, work);
        app.status(edited.isEmpty() ? "Reloaded the course." : "Reloaded " + String.join(", ", edited) + ".", Role.DIM);
    }

    /** Called on the watcher's thread: loads there, hands the result to the UI thread. */
    private final class Edits implements SaveListener {
        @Override
        public void saved(String lessonFolder) {
            try {
                Course after = work.loadCourse();
                app.post(() -> loaded(after));
            } catch (CourseFormatException e) {
                app.post(() -> {
                    broken = true;
                    app.problems(e.problems());
                });
            } catch (RuntimeException e) {
                app.post(() -> app.status("Reloading the lessons failed: " + e, Role.FAIL));
            }
        }
    }
}
