package org.threadlings.watch;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryChangeListener;
import io.methvin.watcher.DirectoryWatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.helpers.NOPLogger;
import org.threadlings.course.Exercise;

/**
 * Watches a folder and reports each group of files saved with new content, once per save, shortly
 * after the editor's last write: in a student's exercises folder each exercise, in the course's
 * lessons folder each lesson (for a live preview while lessons are written).
 *
 * <pre>{@code
 * switch (SaveWatcher.exercises(workspace.exercises(), course.exercises().toList(), saves)) {
 *     case WatchStart.Watching w -> watcher = w.watcher();            // close() on exit
 *     case WatchStart.Unavailable u -> showManualMode(u.reason());    // "press r to run"
 * }
 * }</pre>
 */
public final class SaveWatcher implements AutoCloseable {

    /** How long a group's files must stay quiet before a save is reported. */
    public static final Duration QUIET = Duration.ofMillis(120);
    /** A file missing when things went quiet gets this much longer to come back (delete, then recreate). */
    static final Duration MISSING_GRACE = Duration.ofMillis(600);

    private static final String THREAD = "threadlings-watch";

    private final WatchedFiles files;
    private final SavedContent content;
    private final SaveListener listener;
    private final Duration quiet;
    private final Debouncer debouncer = new Debouncer(THREAD + "-settle");
    private volatile DirectoryWatcher watcher;
    private volatile Thread events;
    private volatile boolean closed;

    private SaveWatcher(WatchedFiles files, SaveListener listener, Duration quiet) {
        this.files = files;
        this.content = new SavedContent(files);
        this.listener = listener;
        this.quiet = quiet;
    }

    /**
     * Starts watching {@code exercisesDir} for saves of {@code exercises}' files; reports exercise
     * ids. Never throws for a folder that cannot be watched: the answer says why instead.
     */
    public static WatchStart exercises(Path exercisesDir, Collection<Exercise> exercises, SaveListener listener) {
        return exercises(exercisesDir, exercises, listener, QUIET);
    }

    static WatchStart exercises(Path exercisesDir, Collection<Exercise> exercises, SaveListener listener,
                                Duration quiet) {
        return start(exercisesDir, () -> new ExerciseFiles(exercisesDir, exercises), listener, quiet);
    }

    /**
     * Starts watching {@code lessonsDir} for saves of the course's YAML and Markdown files;
     * reports the lesson folder's name ({@value LessonFiles#COURSE_FILE} for the course file).
     */
    public static WatchStart lessons(Path lessonsDir, SaveListener listener) {
        return lessons(lessonsDir, listener, QUIET);
    }

    static WatchStart lessons(Path lessonsDir, SaveListener listener, Duration quiet) {
        return start(lessonsDir, () -> new LessonFiles(lessonsDir), listener, quiet);
    }

    private static WatchStart start(Path dir, java.util.function.Supplier<WatchedFiles> what, SaveListener listener,
                                    Duration quiet) {
        WatchedFiles files = what.get();
        if (!Files.isDirectory(dir)) {
            return new WatchStart.Unavailable(StartFailure.missingFolder(files.name(), dir));
        }
        Optional<String> silent = fileSystemType(dir).flatMap(SilentFileSystems::reason);
        if (silent.isPresent()) {
            return new WatchStart.Unavailable(silent.get());
        }
        SaveWatcher watcher = new SaveWatcher(files, listener, quiet);
        try {
            watcher.begin();
            return new WatchStart.Watching(watcher);
        } catch (IOException | RuntimeException | LinkageError e) {
            watcher.close();
            return new WatchStart.Unavailable(StartFailure.reason(e, files.name(), dir));
        }
    }

    private void begin() throws IOException {
        watcher = DirectoryWatcher.builder()
                .path(files.root())
                .listener(new Events())
                .fileHashing(false) // content is compared per exercise, here, also across renames
                .fileTreeVisitor(new WatchedFolders(files))
                .logger(NOPLogger.NOP_LOGGER) // nothing may reach the terminal under the UI
                .build();
        CompletableFuture<Void> loop = watcher.watchAsync(task -> {
            events = new Thread(task, THREAD);
            events.setDaemon(true);
            events.start();
        });
        if (loop.isCompletedExceptionally()) { // the folders could not be registered
            try {
                loop.get();
            } catch (ExecutionException e) {
                throw new CompletionException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        loop.whenComplete((done, failure) -> {
            if (!closed) {
                listener.stopped(failure == null
                        ? files.name() + " " + files.root() + " was deleted or moved."
                        : StartFailure.reason(failure, files.name(), files.root()));
            }
        });
    }

    /** Stops watching; returns once the watcher's threads have ended. No report follows. */
    @Override
    public void close() {
        closed = true;
        debouncer.close();
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException ignored) {
                // closing a watch service only releases its handle
            }
        }
        if (events != null && events != Thread.currentThread()) {
            try {
                events.join(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void changed(Path path) {
        for (String id : files.idsAt(path)) {
            debouncer.schedule(id, quiet, () -> settle(id, false));
        }
    }

    /** Lost events (the system's queue overflowed): any group may have changed, the content tells. */
    private void lostTrack() {
        for (String id : files.ids()) {
            debouncer.schedule(id, quiet, () -> settle(id, false));
        }
    }

    private void settle(String id, boolean hadGrace) {
        if (closed) {
            return;
        }
        SavedContent.Snapshot now = content.read(id);
        if (!now.complete() && !hadGrace) {
            debouncer.schedule(id, MISSING_GRACE, () -> settle(id, true));
            return;
        }
        if (content.changedTo(id, now) && !closed) {
            listener.saved(id);
        }
    }

    private static Optional<String> fileSystemType(Path dir) {
        try {
            return Optional.of(Files.getFileStore(dir).type());
        } catch (IOException e) {
            return Optional.empty(); // unknown: try to watch, starting will tell
        }
    }

    /** Runs on the library's event thread. */
    private final class Events implements DirectoryChangeListener {

        @Override
        public void onEvent(DirectoryChangeEvent event) {
            if (event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW) {
                lostTrack();
            } else if (event.path() != null) {
                changed(event.path());
            }
        }

        @Override
        public boolean isWatching() {
            return !closed;
        }
    }
}
