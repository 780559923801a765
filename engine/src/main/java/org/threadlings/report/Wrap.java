package org.threadlings.report;

import java.util.ArrayList;
import java.util.List;

/** Word-wraps message text for a terminal, keeping the author's line breaks and indentation. */
public final class Wrap {

    private Wrap() {
    }

    /** Lines of at most {@code width} columns; a word longer than that gets a line of its own. */
    public static List<String> lines(String text, int width) {
        List<String> result = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            String indent = paragraph.substring(0, paragraph.length() - paragraph.stripLeading().length());
            StringBuilder line = new StringBuilder(indent);
            for (String word : paragraph.strip().split(" +")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
                    result.add(line.toString());
                    line = new StringBuilder(indent);
                }
                if (line.length() > indent.length()) {
                    line.append(' ');
                }
                line.append(word);
            }
            result.add(line.toString());
        }
        return result;
    }
}
