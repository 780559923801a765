package org.threadlings.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Linux's {@code /proc} tells about processes and the JDK does not: the sandbox mark in a
 * process's environment, and whether a process is a zombie (ended, not yet collected by its
 * parent: it runs nothing). Elsewhere, nothing is found.
 */
final class ProcFs {

    private static final Path PROC = Path.of("/proc");
    private static final byte[] PREFIX = (SandboxMark.VARIABLE + "=").getBytes(StandardCharsets.US_ASCII);

    private ProcFs() {
    }

    static boolean available() {
        return Files.isDirectory(PROC.resolve("self"));
    }

    /**
     * Every process whose environment carries a sandbox mark, with the mark's value. Processes of
     * other users, and zombies, whose environment cannot be read or is empty, are not listed.
     */
    static Map<Long, String> marks() {
        Map<Long, String> marks = new LinkedHashMap<>();
        if (!available()) {
            return marks;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, ProcFs::isProcess)) {
            for (Path entry : entries) {
                String mark = markIn(entry);
                if (mark != null) {
                    marks.put(Long.parseLong(entry.getFileName().toString()), mark);
                }
            }
        } catch (IOException e) {
            // /proc could not be listed: nothing is found, the process tree still is
        }
        return marks;
    }

    /** True if the process has ended and only waits for its parent to collect its exit status. */
    static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.US_ASCII);
            // "pid (command) S ...": the command may contain spaces and parentheses, the state follows the last ')'.
            int end = stat.lastIndexOf(')');
            return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isProcess(Path entry) {
        String name = entry.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }

    private static String markIn(Path process) {
        byte[] environ;
        try {
            environ = Files.readAllBytes(process.resolve("environ"));
        } catch (IOException | SecurityException e) {
            return null; // another user's process, or one that ended meanwhile
        }
        int start = 0;
        for (int i = 0; i <= environ.length; i++) {
            if (i == environ.length || environ[i] == 0) {
                if (startsWithPrefix(environ, start, i)) {
                    return new String(environ, start + PREFIX.length, i - start - PREFIX.length, StandardCharsets.US_ASCII);
                }
                start = i + 1;
            }
        }
        return null;
    }

    private static boolean startsWithPrefix(byte[] bytes, int from, int to) {
        if (to - from < PREFIX.length) {
            return false;
        }
        for (int i = 0; i < PREFIX.length; i++) {
            if (bytes[from + i] != PREFIX[i]) {
                return false;
            }
        }
        return true;
    }
}
