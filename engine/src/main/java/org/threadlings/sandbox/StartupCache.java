package org.threadlings.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * An ahead-of-time cache of a child JVM's start-up: the classes a grading run needs, already
 * parsed and linked (JDK 25's AOT cache; on JDK 21 to 24 a class-data-sharing archive). It roughly
 * halves the start of a grading JVM. The cache is recorded once, in the background, by a training
 * run, and belongs to one exact JDK and class path: its file name is a hash of both, so a rebuilt
 * engine or another JDK simply records a new one.
 */
final class StartupCache {

    private static final Duration STALE_TRAINING = Duration.ofMinutes(3);

    private final Path java;
    private final String classPath;
    private final List<String> jvmOptions;
    private final Path file;
    private final int jdk;

    private StartupCache(Path java, String classPath, List<String> jvmOptions, Path file, int jdk) {
        this.java = java;
        this.classPath = classPath;
        this.jvmOptions = jvmOptions;
        this.file = file;
        this.jdk = jdk;
    }

    static StartupCache forClassPath(Path java, String classPath, List<String> jvmOptions) {
        int jdk = Runtime.version().feature();
        Path dir = cacheDir(classPath);
        String key = key(java, classPath, jvmOptions);
        return new StartupCache(java, classPath, jvmOptions, dir.resolve("grading-" + key + (jdk >= 25 ? ".aot" : ".jsa")), jdk);
    }

    /** Options that use the cache, or none while it is not recorded yet. */
    List<String> options() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        return jdk >= 25
                ? List.of("-XX:AOTCache=" + file, "-Xlog:aot=off", "-Xlog:cds=off")
                : List.of("-XX:SharedArchiveFile=" + file, "-Xlog:cds=off");
    }

    /** Starts recording the cache in the background unless it exists or is being recorded. */
    void prepare(String mainClass, List<String> args) {
        if (Files.isRegularFile(file) || !claimTraining()) {
            return;
        }
        deleteStaleCaches();
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add(jdk >= 25 ? "-XX:AOTCacheOutput=" + partial : "-XX:ArchiveClassesAtExit=" + partial);
        command.addAll(List.of("-Xlog:aot=off", "-Xlog:cds=off", "-cp", classPath, mainClass));
        command.addAll(args);
        // The shell renames the finished cache into place, so no JVM ever maps a half-written file,
        // even when this program exits before the training run ends.
        String script = quote(command) + " && mv -f " + quote(List.of(partial.toString())) + " "
                + quote(List.of(file.toString())) + "; rm -f " + quote(List.of(lockFile().toString()));
        try {
            new ProcessBuilder("/bin/sh", "-c", script)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            // Without a cache every start is just slower.
        }
    }

    /** Caches of earlier builds or other JDKs in the same folder: each is tens of megabytes. */
    private void deleteStaleCaches() {
        try (var files = Files.list(file.getParent())) {
            files.filter(f -> f.getFileName().toString().startsWith("grading-") && !f.equals(file)
                            && (f.toString().endsWith(".aot") || f.toString().endsWith(".jsa")))
                    .forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // stale caches only cost disk space
        }
    }

    private boolean claimTraining() {
        Path lock = lockFile();
        try {
            Files.createDirectories(lock.getParent());
            if (Files.exists(lock) && Files.getLastModifiedTime(lock).toInstant()
                    .isBefore(Instant.now().minus(STALE_TRAINING))) {
                Files.deleteIfExists(lock);
            }
            Files.createFile(lock);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Path lockFile() {
        return file.resolveSibling(file.getFileName() + ".training");
    }

    private static Path cacheDir(String classPath) {
        String first = classPath.split(File.pathSeparator)[0];
        Path firstPath = Path.of(first).toAbsolutePath();
        if (first.endsWith(".jar") && Files.isWritable(firstPath.getParent())) {
            return firstPath.getParent().resolve("aot");
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "threadlings-aot");
    }

    private static String key(Path java, String classPath, List<String> options) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((java + "|" + Runtime.version() + "|" + String.join(" ", options)).getBytes(StandardCharsets.UTF_8));
            for (String entry : classPath.split(File.pathSeparator)) {
                Path path = Path.of(entry);
                digest.update(entry.getBytes(StandardCharsets.UTF_8));
                if (Files.isRegularFile(path)) {
                    FileTime modified = Files.getLastModifiedTime(path);
                    digest.update((modified.toMillis() + ":" + Files.size(path)).getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException | IOException e) {
            return "unkeyed";
        }
    }

    private static String quote(List<String> words) {
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append('\'').append(word.replace("'", "'\\''")).append('\'');
        }
        return line.toString();
    }
}
