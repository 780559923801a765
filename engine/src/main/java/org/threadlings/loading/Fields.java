package org.threadlings.loading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.threadlings.course.Suggestions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed, position-aware access to the keys of one YAML mapping. Every read records the keys it
 * knows, so {@link #finish()} can report the keys nobody asked for. Wrong or missing values are
 * recorded as problems and replaced by a harmless default, so that loading goes on and reports
 * everything that is wrong in one pass.
 */
final class Fields {

    /** A scalar value with the node it came from, for positions in later problems. */
    record Scalar(String value, Node node) {
    }

    private final String file;
    private final MappingNode mapping;
    private final Problems problems;
    private final Map<String, Node> values = new LinkedHashMap<>();
    private final Set<String> known = new LinkedHashSet<>();

    Fields(String file, MappingNode mapping, Problems problems) {
        this.file = file;
        this.mapping = mapping;
        this.problems = problems;
        Map<String, Node> keyNodes = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                problems.at(file, tuple.getKeyNode(), "keys must be plain words");
                continue;
            }
            String key = keyNode.getValue();
            Node first = keyNodes.putIfAbsent(key, keyNode);
            if (first != null) {
                problems.at(file, keyNode, "duplicate key '" + key + "' (first at line "
                        + (first.getStartMark().getLine() + 1) + ")");
                continue;
            }
            values.put(key, tuple.getValueNode());
        }
    }

    String file() {
        return file;
    }

    Node node() {
        return mapping;
    }

    Problems problems() {
        return problems;
    }

    boolean has(String key) {
        known.add(key);
        return values.containsKey(key) && !isNull(values.get(key));
    }

    Optional<Node> node(String key) {
        known.add(key);
        Node node = values.get(key);
        return node == null || isNull(node) ? Optional.empty() : Optional.of(node);
    }

    Scalar requiredScalar(String key) {
        return node(key).map(node -> scalar(key, node)).orElseGet(() -> {
            missing(key);
            return new Scalar("", mapping);
        });
    }

    String required(String key) {
        return requiredScalar(key).value();
    }

    String optional(String key, String fallback) {
        return node(key).map(node -> scalar(key, node).value()).orElse(fallback);
    }

    /** A whole number, or empty after recording why there is none. */
    OptionalInt requiredInt(String key) {
        Optional<Node> node = node(key);
        if (node.isEmpty()) {
            missing(key);
            return OptionalInt.empty();
        }
        if (node.get() instanceof ScalarNode scalar && Tag.INT.equals(scalar.getTag())) {
            try {
                return OptionalInt.of(Integer.parseInt(scalar.getValue()));
            } catch (NumberFormatException tooBig) {
                // fall through to the type problem below
            }
        }
        problems.at(file, node.get(), "'" + key + "' must be a whole number");
        return OptionalInt.empty();
    }

    boolean optionalBoolean(String key, boolean fallback) {
        Optional<Node> node = node(key);
        if (node.isEmpty()) {
            return fallback;
        }
        // YAML 1.1 also reads yes, no, on and off as booleans; the format has only true and false.
        if (node.get() instanceof ScalarNode scalar && Tag.BOOL.equals(scalar.getTag())) {
            String value = scalar.getValue().toLowerCase(java.util.Locale.ROOT);
            if (value.equals("true") || value.equals("false")) {
                return value.equals("true");
            }
        }
        problems.at(file, node.get(), "'" + key + "' must be true or false");
        return fallback;
    }

    /** A list of scalars; a single scalar is accepted as a list of one. */
    List<Scalar> scalars(String key, boolean required) {
        Optional<Node> node = node(key);
        if (node.isEmpty()) {
            if (required) {
                missing(key);
            }
            return List.of();
        }
        if (node.get() instanceof ScalarNode) {
            return List.of(scalar(key, node.get()));
        }
        if (!(node.get() instanceof SequenceNode sequence)) {
            problems.at(file, node.get(), "'" + key + "' must be a list");
            return List.of();
        }
        List<Scalar> result = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (item instanceof ScalarNode && !isNull(item)) {
                result.add(scalar(key, item));
            } else {
                problems.at(file, item, "each item of '" + key + "' must be a single value");
            }
        }
        if (required && result.isEmpty() && sequence.getValue().isEmpty()) {
            problems.at(file, sequence, "'" + key + "' must not be empty");
        }
        return result;
    }

    List<String> strings(String key) {
        return scalars(key, false).stream().map(Scalar::value).toList();
    }

    /** A list of mappings, each read with its own {@code Fields}. */
    List<Fields> mappings(String key, boolean required) {
        Optional<Node> node = node(key);
        if (node.isEmpty()) {
            if (required) {
                missing(key);
            }
            return List.of();
        }
        if (!(node.get() instanceof SequenceNode sequence)) {
            problems.at(file, node.get(), "'" + key + "' must be a list");
            return List.of();
        }
        List<Fields> result = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (item instanceof MappingNode itemMapping) {
                result.add(new Fields(file, itemMapping, problems));
            } else {
                problems.at(file, item, "each item of '" + key + "' must be a mapping of keys to values");
            }
        }
        if (required && sequence.getValue().isEmpty()) {
            problems.at(file, sequence, "'" + key + "' must not be empty");
        }
        return result;
    }

    /** Reports every key that no read asked for. Call after all reads. */
    void finish() {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode keyNode && !known.contains(keyNode.getValue())) {
                String key = keyNode.getValue();
                String hint = Suggestions.closest(key, known, 1)
                        .stream().findFirst().map(s -> "; did you mean '" + s + "'?").orElse("");
                problems.at(file, keyNode, "unknown key '" + key + "' (allowed here: "
                        + String.join(", ", known) + ")" + hint);
            }
        }
    }

    void problem(Node at, String message) {
        problems.at(file, at, message);
    }

    private Scalar scalar(String key, Node node) {
        if (node instanceof ScalarNode scalar) {
            return new Scalar(scalar.getValue(), node);
        }
        problems.at(file, node, "'" + key + "' must be a single value, not a "
                + (node instanceof SequenceNode ? "list" : "mapping"));
        return new Scalar("", node);
    }

    private void missing(String key) {
        problems.at(file, mapping, "missing required key '" + key + "'");
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
    }
}
