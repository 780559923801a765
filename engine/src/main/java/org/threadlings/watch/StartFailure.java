package org.threadlings.watch;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Turns what went wrong while starting to watch into a sentence for the student. */
final class StartFailure {

    private StartFailure() {
    }

    /** @param name what the folder is: "the exercises folder" */
    static String missingFolder(String name, Path folder) {
        return name + " " + folder + " does not exist.";
    }

    static String reason(Throwable failure, String name, Path folder) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        if (message.toLowerCase(Locale.ROOT).contains("inotify")) {
            // Every IDE and file-syncing tool draws on the same per-user limits.
            return "the system's limit on watched folders is used up (" + message + "). Close programs that watch "
                    + "many files, such as IDEs, or raise the limit: sudo sysctl fs.inotify.max_user_watches=524288 "
                    + "fs.inotify.max_user_instances=512";
        }
        if (cause instanceof NoSuchFileException) {
            return missingFolder(name, folder);
        }
        if (cause instanceof AccessDeniedException) {
            return name + " " + folder + " cannot be read (permission denied).";
        }
        if (cause instanceof LinkageError) {
            return "this system's file notifications could not be loaded (" + cause + ").";
        }
        return "watching " + folder + " failed: " + cause;
    }
}
