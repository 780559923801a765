package org.threadlings.verdict;

/**
 * What the student's code printed, capped: the beginning and the end are kept, the middle of a
 * flood is dropped.
 *
 * @param totalBytes how much was printed in all
 */
public record CapturedOutput(String text, long totalBytes, boolean truncated) {

    public static final CapturedOutput NONE = new CapturedOutput("", 0, false);

    public boolean isEmpty() {
        return totalBytes == 0;
    }
}
