package org.threadlings.compile;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.threadlings.verdict.CompileDiagnostic;

/**
 * Compiles Java sources in-process with the JDK's compiler. One instance is meant to live as long
 * as the program: the compiler and its file manager stay loaded and warm, which makes the second
 * compilation several times faster than the first.
 */
public final class SourceCompiler {

    private final JavaCompiler javac;
    private final StandardJavaFileManager fileManager;

    public SourceCompiler() {
        javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("this Java runtime has no compiler (javac): Threadlings needs a JDK, "
                    + "not a JRE. Install a JDK 21 or newer and start Threadlings with ./run.sh.");
        }
        fileManager = javac.getStandardFileManager(null, Locale.ENGLISH, StandardCharsets.UTF_8);
    }

    /**
     * Compiles {@code sources} into {@code outputDir} against {@code classpath}.
     *
     * @param options extra javac options, such as {@code --enable-preview}
     */
    public synchronized CompileResult compile(List<Path> sources, List<Path> classpath, Path outputDir,
                                              List<String> options) {
        try {
            Files.createDirectories(outputDir);
            fileManager.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(outputDir));
            fileManager.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
            fileManager.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> allOptions = new ArrayList<>(List.of("-proc:none", "-g", "-implicit:none",
                "-Xlint:none", "-encoding", "UTF-8"));
        allOptions.addAll(options);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Iterable<? extends JavaFileObject> units = fileManager.getJavaFileObjectsFromPaths(sources);
        JavacTask task = (JavacTask) javac.getTask(Writer.nullWriter(), fileManager, diagnostics, allOptions, null, units);
        Map<Path, List<String>> classes = new LinkedHashMap<>();
        try {
            for (CompilationUnitTree unit : task.parse()) {
                classes.put(Path.of(unit.getSourceFile().toUri()), topLevelClasses(unit));
            }
            task.generate();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<CompileDiagnostic> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(toDiagnostic(d));
            }
        }
        return new CompileResult(errors, classes);
    }

    private static List<String> topLevelClasses(CompilationUnitTree unit) {
        String prefix = unit.getPackageName() == null ? "" : unit.getPackageName() + ".";
        List<String> names = new ArrayList<>();
        for (Tree type : unit.getTypeDecls()) {
            if (type instanceof ClassTree classTree) {
                names.add(prefix + classTree.getSimpleName());
            }
        }
        return names;
    }

    private static CompileDiagnostic toDiagnostic(Diagnostic<? extends JavaFileObject> d) {
        Path file = d.getSource() == null ? null : Path.of(d.getSource().toUri());
        long line = Math.max(0, d.getLineNumber());
        long column = Math.max(0, d.getColumnNumber());
        String message = d.getMessage(Locale.ENGLISH);
        return new CompileDiagnostic(file, line, column, message, sourceLine(file, line));
    }

    private static String sourceLine(Path file, long line) {
        if (file == null || line < 1) {
            return "";
        }
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.skip(line - 1).findFirst().orElse("");
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }
}
