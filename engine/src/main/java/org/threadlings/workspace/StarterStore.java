package org.threadlings.workspace;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The original starter of every exercise file, whatever the student has done to their copy.
 * {@code lessons/starters.lock} records the git blob id of each original; the content is the
 * student's file while it is untouched, and otherwise comes out of the repository's object
 * store ({@code git cat-file}), which still has it after the student edits, and even after they
 * commit their own version.
 */
public final class StarterStore {

    public static final String LOCK_FILE = "starters.lock";
    /** Marks a line of the lock that records a hidden check rather than a starter. */
    static final String CHECK = "check";

    private final Workspace workspace;

    public StarterStore(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Why an original could not be found, in words for the person asking. */
    public static final class MissingOriginal extends Exception {
        private static final long serialVersionUID = 1L;

        MissingOriginal(String message) {
            super(message);
        }
    }

    /** The original content of {@code file} (relative to exercises/). */
    public byte[] original(String file) throws MissingOriginal {
        String expected = lock().get(file);
        if (expected == null) {
            throw new MissingOriginal(file + " has no entry in lessons/" + LOCK_FILE
                    + " (instructors: ./run.sh validate --update-starters records the current starters)");
        }
        Path current = workspace.exercises().resolve(file);
        try {
            if (Files.isRegularFile(current)) {
                byte[] content = Files.readAllBytes(current);
                if (GitBlob.id(content).equals(expected)) {
                    return content;
                }
            }
        } catch (IOException e) {
            // fall back to git
        }
        return fromGit(expected).orElseThrow(() -> new MissingOriginal("the original of " + file
                + " is not in this folder's git history (blob " + expected.substring(0, 10)
                + "): is this a git clone of the course? 'git fetch' may bring it back."));
    }

    /** Whether the student's copy of {@code file} is still the original. */
    public boolean isOriginal(String file) {
        String expected = lock().get(file);
        Path current = workspace.exercises().resolve(file);
        try {
            return expected != null && Files.isRegularFile(current)
                    && GitBlob.id(Files.readAllBytes(current)).equals(expected);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Records the current exercises/ copies of {@code files} as the originals, and the current
     * content of the hidden {@code checks} (paths under lessons/) as the versions grading may
     * use. For instructors.
     */
    public void record(Collection<String> files, Collection<Path> checks) throws IOException {
        Map<String, String> ids = new TreeMap<>();
        for (String file : files) {
            ids.put(file, GitBlob.id(Files.readAllBytes(workspace.exercises().resolve(file))));
        }
        Map<String, String> checkIds = new TreeMap<>();
        for (Path check : checks) {
            checkIds.put(CheckLock.key(workspace, check), GitBlob.id(Files.readAllBytes(check)));
        }
        List<String> lines = new ArrayList<>(List.of(
                "# The original starter files in exercises/, by git blob id (git hash-object).",
                "# './run.sh reset' and './run.sh validate' use them to find each original, even after a",
                "# student has edited or committed their copy. Written by './run.sh validate --update-lock'."));
        ids.forEach((file, id) -> lines.add(id + "  " + file));
        lines.addAll(List.of("",
                "# The hidden checks under lessons/, by git blob id: grading refuses a check that differs,",
                "# so that code under test cannot rewrite the checks of its next grading."));
        checkIds.forEach((file, id) -> lines.add(CHECK + " " + id + "  " + file));
        AtomicFiles.write(lockPath(), (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The recorded id of each starter file, empty if there is no lock file. */
    public Map<String, String> lock() {
        return entries(false);
    }

    /** The recorded id of each hidden check, by its path under lessons/; empty if none are recorded. */
    public Map<String, String> checks() {
        return entries(true);
    }

    private Map<String, String> entries(boolean checks) {
        Map<String, String> ids = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(lockPath(), StandardCharsets.UTF_8)) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                boolean check = trimmed.startsWith(CHECK + " ");
                String[] parts = (check ? trimmed.substring(CHECK.length()).strip() : trimmed).split("\\s+", 2);
                if (parts.length == 2 && check == checks) {
                    ids.put(parts[1], parts[0]);
                }
            }
        } catch (IOException e) {
            return ids;
        }
        return ids;
    }

    private Path lockPath() {
        return workspace.lessons().resolve(LOCK_FILE);
    }

    private Optional<byte[]> fromGit(String blobId) {
        try {
            Process git = new ProcessBuilder("git", "-C", workspace.root().toString(), "cat-file", "blob", blobId)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            git.getOutputStream().close();
            byte[] content;
            try (InputStream out = git.getInputStream()) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                out.transferTo(buffer);
                content = buffer.toByteArray();
            }
            if (!git.waitFor(10, TimeUnit.SECONDS) || git.exitValue() != 0) {
                return Optional.empty();
            }
            return GitBlob.id(content).equals(blobId) ? Optional.of(content) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
