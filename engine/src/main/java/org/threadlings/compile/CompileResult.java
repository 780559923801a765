package org.threadlings.compile;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.threadlings.verdict.CompileDiagnostic;

/**
 * What a compilation produced.
 *
 * @param classesBySource the top-level classes each source file declares, by fully qualified name
 */
public record CompileResult(List<CompileDiagnostic> errors, Map<Path, List<String>> classesBySource) {

    public CompileResult {
        errors = List.copyOf(errors);
        classesBySource = Map.copyOf(classesBySource);
    }

    public boolean succeeded() {
        return errors.isEmpty();
    }

    public List<String> classesOf(List<Path> sources) {
        return sources.stream().flatMap(s -> classesBySource.getOrDefault(s, List.of()).stream()).toList();
    }
}
