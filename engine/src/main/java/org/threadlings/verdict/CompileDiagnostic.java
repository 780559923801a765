package org.threadlings.verdict;

import java.nio.file.Path;

/**
 * A compiler error located in a source file, with the offending line so that a report can show
 * it with a caret under the column, the way javac does.
 *
 * @param line   1-based, 0 if unknown
 * @param column 1-based, 0 if unknown
 */
public record CompileDiagnostic(Path file, long line, long column, String message, String sourceLine) {

    /** The source line and a caret under the column, or empty if either is unknown. */
    public String caretExcerpt() {
        if (sourceLine == null || sourceLine.isEmpty() || column < 1) {
            return "";
        }
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < column - 1 && i < sourceLine.length(); i++) {
            caret.append(sourceLine.charAt(i) == '\t' ? '\t' : ' ');
        }
        return sourceLine + "\n" + caret + "^";
    }
}
