package org.threadlings.watch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The content each group's files (an exercise's, a lesson's) had when last seen, as a digest: a touch, a save without
 * edits or an editor's rename dance all leave it unchanged, and so do not count as a save.
 */
final class SavedContent {

    /** One look at an exercise's files. */
    record Snapshot(String digest, boolean complete) {
    }

    private final WatchedFiles files;
    private final Map<String, String> seen = new ConcurrentHashMap<>();

    SavedContent(WatchedFiles files) {
        this.files = files;
        for (String id : files.ids()) {
            seen.put(id, read(id).digest());
        }
    }

    /** The exercise's files as they are now; {@code complete} is false while one is missing. */
    Snapshot read(String exerciseId) {
        MessageDigest digest = sha256();
        boolean complete = true;
        for (Path file : files.filesOf(exerciseId)) {
            digest.update(file.toString().getBytes(StandardCharsets.UTF_8));
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                content = null;
            } catch (IOException e) {
                content = null; // unreadable counts as missing: grading would not get further
            }
            if (content == null) {
                complete = false;
                digest.update((byte) 0);
            } else {
                digest.update((byte) 1);
                digest.update(Long.toString(content.length).getBytes(StandardCharsets.UTF_8));
                digest.update(content);
            }
        }
        return new Snapshot(HexFormat.of().formatHex(digest.digest()), complete);
    }

    /** Remembers {@code now}; true if it differs from what was seen before. */
    boolean changedTo(String exerciseId, Snapshot now) {
        return !now.digest().equals(seen.put(exerciseId, now.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
