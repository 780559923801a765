package org.threadlings.watch;

/** What starting a {@link SaveWatcher} gave: a running watcher, or why there is none. */
public sealed interface WatchStart {

    /** Saves are being watched; close the watcher when done. */
    record Watching(SaveWatcher watcher) implements WatchStart {
    }

    /**
     * Saves cannot be noticed here. {@code reason} is a sentence for the student; the front end
     * falls back to grading on request.
     */
    record Unavailable(String reason) implements WatchStart {
    }
}
