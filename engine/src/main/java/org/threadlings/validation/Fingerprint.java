package org.threadlings.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.threadlings.course.Exercise;
import org.threadlings.course.WrongAnswer;
import org.threadlings.workspace.StarterStore;
import org.threadlings.workspace.Workspace;

/**
 * Everything an exercise's validation depends on, as one SHA-256 digest: the engine and the JDK
 * that grade (the check toolkit lives in the engine), the exercise's entry in its lesson, its
 * original starter (as locked) and the bytes of its solution, checks and known-wrong answers. Equal digests mean the
 * gradings would be given the same inputs, so an earlier consistent result still stands.
 */
final class Fingerprint {

    private final Workspace workspace;
    /** The lock's originals, by file: read once for every exercise fingerprinted. */
    private final Map<String, String> originals;
    private final String engine;

    private Fingerprint(Workspace workspace, Map<String, String> originals, String engine) {
        this.workspace = workspace;
        this.originals = originals;
        this.engine = engine;
    }

    /** Fingerprints for exercises graded by this JVM's own class path and JDK, as the grader's JVMs are. */
    static Fingerprint forThisEngine(Workspace workspace, StarterStore starters) throws IOException {
        Digest digest = new Digest();
        digest.text(System.getProperty("java.home"));
        digest.text(Runtime.version().toString());
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                digest.tree(Path.of(entry));
            }
        }
        return new Fingerprint(workspace, starters.lock(), digest.hex());
    }

    /** The exercise's fingerprint; empty when something it needs is missing, so it is always graded. */
    Optional<String> of(Exercise exercise) throws IOException {
        Digest digest = new Digest();
        digest.text(engine);
        digest.text(exercise.id());
        digest.text(exercise.lessonId());
        digest.text(exercise.timeLimit().toString());
        digest.text(String.join("\n", exercise.jvmOptions()));
        for (String file : exercise.files()) {
            digest.text(file);
            // The lock names the original by its git blob id, a digest of its bytes: what the
            // student has since done to exercises/ does not matter, validation grades the original.
            String original = originals.get(file);
            if (original == null) {
                return Optional.empty();
            }
            digest.text(original);
            Path solution = workspace.solutions().resolve(file);
            if (!Files.isRegularFile(solution)) {
                return Optional.empty();
            }
            digest.bytes(Files.readAllBytes(solution));
        }
        for (Path check : exercise.checks()) {
            digest.text(check.getFileName().toString());
            digest.bytes(Files.readAllBytes(check));
        }
        for (WrongAnswer wrong : exercise.wrongAnswers()) {
            digest.text(wrong.name());
            digest.text(wrong.caughtBy());
            digest.tree(wrong.folder());
        }
        return Optional.of(digest.hex());
    }

    /** SHA-256 over texts, bytes and whole folders, each entry framed so that no two inputs run together. */
    private static final class Digest {
        private final MessageDigest sha;

        Digest() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }

        void text(String text) {
            bytes(text.getBytes(StandardCharsets.UTF_8));
        }

        void bytes(byte[] bytes) {
            sha.update(Long.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) ':');
            sha.update(bytes);
        }

        /** A file's bytes, or a folder's files with their relative paths, in a fixed order. */
        void tree(Path root) throws IOException {
            if (Files.isRegularFile(root)) {
                stream(root);
                return;
            }
            if (!Files.isDirectory(root)) {
                text("missing " + root.getFileName());
                return;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                text(root.relativize(file).toString().replace('\\', '/'));
                stream(file);
            }
        }

        private void stream(Path file) throws IOException {
            sha.update(Long.toString(Files.size(file)).getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) ':');
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                }
            }
        }

        String hex() {
            return HexFormat.of().formatHex(sha.digest());
        }
    }
}
