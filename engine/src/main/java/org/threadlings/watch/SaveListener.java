package org.threadlings.watch;

/**
 * Told when files were saved: an exercise by the student, or a lesson by its author. Called on
 * the watcher's own thread, one call at a time: hand the work to the front end's thread rather
 * than grading or reloading here.
 */
public interface SaveListener {

    /**
     * The files of {@code id} were saved with content that differs from before: an exercise id,
     * or a lesson folder's name.
     */
    void saved(String id);

    /**
     * Watching ended by itself (the folder was deleted or moved away): later saves go unnoticed.
     * Not called after {@link SaveWatcher#close()}.
     */
    default void stopped(String reason) {
    }
}
