package org.threadlings.loading;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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
 * The text is screened first ({@link LessonText}), then its events ({@link YamlShape}), so that
 * no input reaches the composer that could make it slow or fail without a position.
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
        Optional<String> text = LessonText.read(file, shownAs, problems);
        if (text.isEmpty() || !YamlShape.check(text.get(), shownAs, problems)) {
            return Optional.empty();
        }
        Node root;
        try {
            root = new Yaml(new SafeConstructor(options())).compose(new StringReader(text.get()));
        } catch (MarkedYAMLException e) {
            problems.at(shownAs, e.getProblemMark(), YamlShape.words(e));
            return Optional.empty();
        } catch (YAMLException e) {
            // YamlShape has seen every event already; this is a backstop, not an expected path.
            problems.add(new Problem(shownAs, 1, 1, "not valid YAML: " + e.getMessage()));
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

    /** Limits above YamlShape's, so that they never decide, but bound the parser should they be reached. */
    static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(LessonText.MAX_BYTES + 1);
        options.setMaxAliasesForCollections(YamlShape.MAX_ALIASES + 10);
        options.setNestingDepthLimit(YamlShape.MAX_DEPTH + 10);
        return options;
    }
}
