package org.threadlings.workspace;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The hidden checks as the course recorded them in {@code lessons/starters.lock}. Grading
 * compiles a check only if its content is the recorded one: code under test runs with the
 * course folder within reach, and a check it rewrote must not decide its next grading.
 */
public final class CheckLock {

    private final Workspace workspace;
    private final StarterStore store;

    public CheckLock(Workspace workspace) {
        this.workspace = workspace;
        this.store = new StarterStore(workspace);
    }

    /**
     * Why {@code content}, read from {@code check}, may not be graded with, in words that name
     * the file and the way back; empty when it is the recorded version.
     */
    public Optional<String> refusal(Path check, byte[] content) {
        String key = key(workspace, check);
        String shown = "lessons/" + key;
        Map<String, String> recorded = store.checks();
        String expected = recorded.get(key);
        if (expected == null) {
            return Optional.of("The hidden check " + shown + " has no entry in lessons/" + StarterStore.LOCK_FILE
                    + ", so it cannot be told from a changed one. Course authors: ./run.sh validate --update-lock "
                    + "records the current checks.");
        }
        String found = GitBlob.id(content);
        if (!found.equals(expected)) {
            return Optional.of("The hidden check " + shown + " differs from the version the course recorded (blob "
                    + expected.substring(0, 10) + ", found " + found.substring(0, 10) + "), so this exercise was not "
                    + "graded: a changed check could pass anything. Put it back with: git checkout -- " + shown
                    + " (course authors who changed it on purpose: ./run.sh validate --update-lock).");
        }
        return Optional.empty();
    }

    /** A check's path under lessons/, with forward slashes: its key in the lock. */
    static String key(Workspace workspace, Path check) {
        Path absolute = check.toAbsolutePath().normalize();
        Path relative = absolute.startsWith(workspace.lessons()) ? workspace.lessons().relativize(absolute) : absolute;
        return relative.toString().replace('\\', '/');
    }
}
