package org.threadlings.scaffold;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Appends to a top-level list of a YAML file by editing its text, so the author's comments,
 * anchors and layout survive; re-serialising the YAML would lose them.
 */
final class YamlListEdit {

    private YamlListEdit() {
    }

    /**
     * {@code yaml} with {@code entry} (lines, already indented) added at the end of the top-level
     * list {@code key}; the key is added at the end of the file if it is not there.
     */
    static String append(String yaml, String key, String entry) {
        List<String> lines = new ArrayList<>(yaml.lines().toList());
        Optional<Integer> at = keyLine(lines, key);
        String block = entry.endsWith("\n") ? entry.substring(0, entry.length() - 1) : entry;
        if (at.isEmpty()) {
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
                lines.remove(lines.size() - 1);
            }
            lines.add("");
            lines.add(key + ":");
            lines.addAll(block.lines().dropWhile(String::isBlank).toList());
            return String.join("\n", lines) + "\n";
        }
        if (!lines.get(at.get()).trim().equals(key + ":")) {
            throw new IllegalArgumentException("'" + key + ":' is written on one line ("
                    + lines.get(at.get()).trim() + "); write it as a block list to add to it");
        }
        int end = at.get() + 1;
        while (end < lines.size() && !startsTopLevel(lines.get(end))) {
            end++;
        }
        // Trailing blank lines and comments before the next key belong to what follows.
        while (end > at.get() + 1 && (lines.get(end - 1).isBlank() || lines.get(end - 1).startsWith("#"))) {
            end--;
        }
        List<String> added = block.lines().toList();
        if (end == at.get() + 1) {
            added = added.stream().dropWhile(String::isBlank).toList();
        }
        lines.addAll(end, added);
        return String.join("\n", lines) + "\n";
    }

    private static Optional<Integer> keyLine(List<String> lines, String key) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(key + ":")) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** A line at column 0 that is neither blank nor a comment: the next top-level key. */
    private static boolean startsTopLevel(String line) {
        return !line.isBlank() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("#")
                && !line.startsWith("-");
    }
}
