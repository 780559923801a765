package org.threadlings.tui;

import org.threadlings.course.Course;
import org.threadlings.course.Exercise;
import org.threadlings.watch.SaveWatcher;
import org.threadlings.watch.SaveListener;
import org.threadlings.watch.WatchStart;

/**
 * Watch mode: saving an exercise file grades that exercise. When the file system cannot report
 * saves, the UI says why and stays in manual mode, where {@code r} checks.
 */
final class WatchMode implements Watching, AutoCloseable {

    private final Coursework work;
    private final App app;
    private Gradings gradings;
    private SaveWatcher watcher;
    private String unavailable = "";

    WatchMode(Coursework work, App app) {
        this.work = work;
        this.app = app;
    }

    /** Starts watching; {@code gradings} grades what is saved. */
    void start(Gradings saved) {
        this.gradings = saved;
        switch (work.watch(new Saves())) {
            case WatchStart.Watching w -> {
                watcher = w.watcher();
                unavailable = "";
            }
            case WatchStart.Unavailable u -> {
                unavailable = u.reason();
                app.status("Saving cannot re-check here (" + u.reason() + "). Press r on an exercise to check it.",
                        Role.WARN);
            }
        }
    }

    @Override
    public boolean active() {
        return watcher != null;
    }

    @Override
    public String describe() {
        if (watcher != null) {
            return "watching: saving the file checks it (w: manual)";
        }
        return unavailable.isEmpty() ? "manual: press r to check (w: watch)" : "manual: press r to check ("
                + unavailable + ")";
    }

    @Override
    public void toggle() {
        if (watcher != null) {
            close();
            app.status("Manual mode: press r to check.", Role.TEXT);
        } else {
            start(gradings);
            if (watcher != null) {
                app.status("Watching: saving an exercise file checks it.", Role.TEXT);
            }
        }
    }

    /**
     * The lessons were edited: when that changed the exercises or their files, watching starts
     * again on the new ones, so that a new exercise's saves are graded too.
     */
    void courseChanged(Course before, Course after) {
        if (watcher != null && !before.exercises().toList().equals(after.exercises().toList())) {
            close();
            start(gradings);
        }
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }

    /** Called on the watcher's thread; hands over to the UI thread. */
    private final class Saves implements SaveListener {
        @Override
        public void saved(String exerciseId) {
            app.post(() -> {
                if (watcher == null) {
                    return;
                }
                Exercise exercise = work.course().exercise(exerciseId).orElse(null);
                if (exercise != null) {
                    gradings.start(exercise, "saved");
                }
            });
        }

        @Override
        public void stopped(String reason) {
            app.post(() -> {
                close();
                unavailable = reason;
                app.status("Watching stopped (" + reason + "). Press r to check; w tries watching again.", Role.WARN);
            });
        }
    }
}
