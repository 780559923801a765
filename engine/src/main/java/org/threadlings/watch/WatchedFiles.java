package org.threadlings.watch;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The files one watcher cares about under its folder, in groups reported together: the files of
 * one exercise, or the files of one lesson. A group is reported when its files' content changed.
 */
interface WatchedFiles {

    /** The folder watched, absolute and normalised. */
    Path root();

    /** What the folder is, for messages: "the exercises folder". */
    String name();

    /** The groups there are now. */
    Set<String> ids();

    /** The files of a group as they are now, in a stable order; a missing one counts as missing. */
    List<Path> filesOf(String id);

    /** Whether a folder may hold watched files at some depth (others are not worth a watch). */
    boolean leadsToWatchedFiles(Path folder);

    /** The groups a change at {@code path} (a file, or a folder created or removed whole) may concern. */
    Set<String> idsAt(Path path);
}
