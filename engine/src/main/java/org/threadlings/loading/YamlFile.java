package org.threadlings.loading;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one YAML file into a node tree. Only the node tree is used (never arbitrary object
 * construction), through SnakeYAML's safe constructor, so that every value keeps its position.
 */
final class YamlFile {

    private YamlFile() {
    }

    /** The top-level mapping of {@code file}, or empty after recording why it can't be read. */
    static Optional<Fields> read(Path file, String shownAs, Problems problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(new Problem(shownAs, 1, 1, "file not found"));
            return Optional.empty();
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = yaml.compose(reader);
        } catch (MarkedYAMLException e) {
            // The problem alone can be half a sentence ("but found another document"): lead with the context.
            String detail = Stream.of(e.getContext(), e.getProblem()).filter(Objects::nonNull)
                    .collect(Collectors.joining(", "));
            String message = detail.isEmpty() ? "not valid YAML" : "not valid YAML: " + detail;
            problems.at(shownAs, e.getProblemMark(), message);
            return Optional.empty();
        } catch (YAMLException | IOException e) {
            problems.add(new Problem(shownAs, 1, 1, "cannot read: " + e.getMessage()));
            return Optional.empty();
        }
        if (root == null) {
            problems.add(new Problem(shownAs, 1, 1, "the file is empty"));
            return Optional.empty();
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.at(shownAs, root, "expected a mapping of keys to values at the top of the file");
            return Optional.empty();
        }
        return Optional.of(new Fields(shownAs, mapping, problems));
    }
}
