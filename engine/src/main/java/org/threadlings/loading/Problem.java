package org.threadlings.loading;

/**
 * One thing wrong with a course file, located as {@code file:line:column}, 1-based, the way
 * compilers and editors print positions so a terminal or IDE can jump to it.
 */
public record Problem(String file, int line, int column, String message) implements Comparable<Problem> {

    @Override
    public int compareTo(Problem other) {
        int byFile = file.compareTo(other.file);
        if (byFile != 0) {
            return byFile;
        }
        int byLine = Integer.compare(line, other.line);
        return byLine != 0 ? byLine : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
