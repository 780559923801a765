package org.threadlings.loading;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Walks a file's YAML events before any node tree is built, and stops at what the lesson format
 * does not need and a parser handles badly: alias bombs (a few lines that stand for billions of
 * nodes), deep nesting, aliases that contain themselves, and tags. Syntax errors surface here
 * too, each at its position, in words.
 */
final class YamlShape {

    /** The race lesson uses two; a hundred is room for any honest course. */
    static final int MAX_ALIASES = 100;
    /** The format nests six levels deep at most (lesson, exercises, exercise, wrong, answer, value). */
    static final int MAX_DEPTH = 20;

    private YamlShape() {
    }

    /** True if the file's events are within the limits; otherwise records the first problem. */
    static boolean check(String text, String shownAs, Problems problems) {
        int aliases = 0;
        Deque<String> open = new ArrayDeque<>(); // anchors of the collections being read, innermost first
        Set<String> openAnchors = new HashSet<>();
        Mark last = null;
        try {
            for (Event event : new Yaml(YamlFile.options()).parse(new StringReader(text))) {
                last = event.getStartMark();
                if (event instanceof AliasEvent alias) {
                    if (++aliases > MAX_ALIASES) {
                        problems.at(shownAs, event.getStartMark(), "more than " + MAX_ALIASES + " aliases (*name) "
                                + "in one file; write the values out, or share fewer of them");
                        return false;
                    }
                    if (openAnchors.contains(alias.getAnchor())) {
                        problems.at(shownAs, event.getStartMark(), "the alias *" + alias.getAnchor()
                                + " is inside the value it names (&" + alias.getAnchor() + "), which would make "
                                + "that value contain itself");
                        return false;
                    }
                }
                if (tagged(event)) {
                    problems.at(shownAs, event.getStartMark(), "tags such as '" + tag(event) + "' are not part of "
                            + "the lesson format: write the value plainly, in quotes if it must stay text");
                    return false;
                }
                if (event instanceof CollectionStartEvent start) {
                    if (open.size() >= MAX_DEPTH) {
                        problems.at(shownAs, event.getStartMark(), "nested more than " + MAX_DEPTH + " levels deep; "
                                + "lesson files need a handful");
                        return false;
                    }
                    String anchor = Objects.requireNonNullElse(start.getAnchor(), "");
                    open.push(anchor);
                    if (!anchor.isEmpty()) {
                        openAnchors.add(anchor);
                    }
                } else if (event instanceof CollectionEndEvent) {
                    String anchor = open.pop();
                    if (!anchor.isEmpty() && !open.contains(anchor)) {
                        openAnchors.remove(anchor);
                    }
                }
            }
        } catch (MarkedYAMLException e) {
            problems.at(shownAs, e.getProblemMark(), words(e));
            return false;
        } catch (YAMLException e) {
            // The parser's own limits carry no position: the last event read is the best there is.
            problems.at(shownAs, last, "not valid YAML: " + e.getMessage());
            return false;
        }
        return true;
    }

    /** A tag written in the file ({@code !foo}, {@code !!str}); resolved, implicit tags are not. */
    private static boolean tagged(Event event) {
        if (event instanceof ScalarEvent scalar) {
            return scalar.getTag() != null && !scalar.getImplicit().canOmitTagInPlainScalar()
                    && !scalar.getImplicit().canOmitTagInNonPlainScalar();
        }
        return event instanceof CollectionStartEvent start && start.getTag() != null && !start.getImplicit();
    }

    private static String tag(Event event) {
        String tag = event instanceof ScalarEvent s ? s.getTag() : ((CollectionStartEvent) event).getTag();
        return tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring("tag:yaml.org,2002:".length()) : tag;
    }

    /** A parser error in words: the context first (the problem alone can be half a sentence). */
    static String words(MarkedYAMLException e) {
        String problem = Objects.requireNonNullElse(e.getProblem(), "");
        if (problem.contains("(TAB)")) {
            return "a tab character here: YAML allows only spaces for indentation and after a key's colon; "
                    + "replace the tab with spaces";
        }
        if (problem.startsWith("Global tag is not allowed")) {
            return "tags such as '" + problem.substring(problem.lastIndexOf(':') + 1) + "' are not part of the lesson "
                    + "format: write the value plainly";
        }
        String detail = Stream.of(e.getContext(), problem).filter(s -> s != null && !s.isEmpty())
                .collect(Collectors.joining(", "));
        return detail.isEmpty() ? "not valid YAML" : "not valid YAML: " + detail;
    }
}
