package org.threadlings.watch;

/**
 * Told when the student saved an exercise. Called on the watcher's own thread, one call at a
 * time: hand the work to the front end's thread rather than grading here.
 */
public interface SaveListener {

    /** The files of {@code exerciseId} were saved with content that differs from before. */
    void saved(String exerciseId);

    /**
     * Watching ended by itself (the exercises folder was deleted or moved away): later saves go
     * unnoticed. Not called after {@link ExerciseWatcher#close()}.
     */
    default void stopped(String reason) {
    }
}
