package org.threadlings.loading;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Paths built from values in lesson files. YAML can spell any character ("a\0b"), and a name the
 * file system cannot hold must become a problem at its value, not an exception.
 */
final class LessonPaths {

    private LessonPaths() {
    }

    /** {@code base} resolved against {@code value} and normalised, or empty if no path can have that name. */
    static Optional<Path> resolve(Path base, String value) {
        try {
            return Optional.of(base.resolve(value).normalize());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** {@code value} with control characters written as {@code \\uXXXX}, for a message. */
    static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
