package org.threadlings.scaffold;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
            List<String> items = flowItems(lines.get(at.get()), key)
                    .orElseThrow(() -> new IllegalArgumentException("'" + key + ":' is written on one line ("
                            + lines.get(at.get()).trim() + "); write it as a block list to add to it"));
            // A flow list of plain ids ("lessons: []", "lessons: [races, pools]") becomes a block
            // list, the form the rest of this edit and every lesson file use.
            lines.set(at.get(), key + ":");
            lines.addAll(at.get() + 1, items.stream().map(item -> "  - " + item).toList());
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

    /** The items of {@code key: [a, b]} when they are plain words; empty for anything else. */
    private static Optional<List<String>> flowItems(String line, String key) {
        Matcher flow = Pattern.compile(Pattern.quote(key) + ":\\s*\\[([\\w\\s,.-]*)]\\s*(#.*)?").matcher(line.trim());
        if (!flow.matches()) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(flow.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
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
