package org.threadlings.loading;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Collects problems while a course loads, so that all of them are reported at once. */
final class Problems {

    private final List<Problem> found = new ArrayList<>();

    void at(String file, Node node, String message) {
        at(file, node.getStartMark(), message);
    }

    void at(String file, Mark mark, String message) {
        if (mark == null) {
            add(new Problem(file, 1, 1, message));
        } else {
            add(new Problem(file, mark.getLine() + 1, mark.getColumn() + 1, message));
        }
    }

    void add(Problem problem) {
        found.add(problem);
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    List<Problem> sorted() {
        return found.stream().sorted().distinct().toList();
    }
}
