package org.threadlings.loading;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Ids of one kind across the whole course: well-formed and unique. */
final class Ids {

    static final Pattern SYNTAX = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final String kind;
    private final Map<String, String> firstSeen = new HashMap<>();

    Ids(String kind) {
        this.kind = kind;
    }

    void claim(Node node, String id, Fields fields) {
        if (id.isEmpty()) {
            return;
        }
        String where = fields.file() + ":" + (node.getStartMark().getLine() + 1);
        String first = firstSeen.putIfAbsent(id, where);
        if (first != null) {
            fields.problem(node, "duplicate " + kind + " id '" + id + "' (first defined at " + first + ")");
        }
    }

    static void checkSyntax(Fields fields, Fields.Scalar id, String kind) {
        // An id that is not a scalar was missing or malformed, and that is reported already;
        // an empty scalar, though, was written that way and is no id.
        if (id.node() instanceof ScalarNode && !SYNTAX.matcher(id.value()).matches()) {
            fields.problem(id.node(), kind + " id '" + id.value()
                    + "' must be lower-case letters, digits and single dashes, like 'counter-atomic'");
        }
    }
}
