package org.threadlings.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.threadlings.verdict.CompileDiagnostic;
import org.threadlings.compile.CompileResult;
import org.threadlings.compile.SourceCompiler;
import org.threadlings.course.Course;
import org.threadlings.course.Example;
import org.threadlings.course.Exercise;
import org.threadlings.sandbox.JvmLauncher;
import org.threadlings.sandbox.SandboxProcess;
import org.threadlings.sandbox.ScratchDir;
import org.threadlings.verdict.CapturedOutput;

/**
 * Runs a lesson's example program in a child JVM, streaming its output as it comes, under the
 * example's time limit. An example that uses exercises is compiled together with the student's
 * current files for them, so it can show the student's own code at work.
 */
public final class ExampleRunner {

    /** How an example run ended. {@code exitCode} is -1 when it was stopped. */
    public record Result(int exitCode, boolean timedOut, boolean stopped, List<CompileDiagnostic> compileErrors,
                         CapturedOutput output, Duration elapsed) {
        public boolean compiled() {
            return compileErrors.isEmpty();
        }
    }

    private final SourceCompiler compiler;
    private final JvmLauncher jvm;

    public ExampleRunner(SourceCompiler compiler, JvmLauncher jvm) {
        this.compiler = compiler;
        this.jvm = jvm;
    }

    /**
     * @param live      receives the program's output as it arrives
     * @param stop      set to true (from any thread) to stop the program
     */
    public Result run(Example example, Course course, Path studentDir, Consumer<byte[]> live,
                      java.util.concurrent.atomic.AtomicBoolean stop) {
        long start = System.nanoTime();
        try (ScratchDir work = ScratchDir.create("threadlings-example")) {
            List<Path> sources = new ArrayList<>();
            sources.add(example.source());
            for (String used : example.usesExercises()) {
                Exercise exercise = course.exercise(used).orElseThrow();
                exercise.files().forEach(f -> sources.add(studentDir.resolve(f)));
            }
            Path classes = work.resolve("classes");
            CompileResult compiled = compiler.compile(sources, List.of(), classes, List.of());
            if (!compiled.succeeded()) {
                return new Result(-1, false, false, compiled.errors(), CapturedOutput.NONE, elapsed(start));
            }
            String mainClass = compiled.classesOf(List.of(example.source())).get(0);
            try (SandboxProcess process = jvm.start(mainClass, List.of(classes), List.of(), example.args(), live, null)) {
                long deadline = System.nanoTime() + example.timeLimit().toNanos();
                boolean timedOut = false;
                boolean stopped = false;
                while (!process.waitFor(Duration.ofMillis(20))) {
                    if (stop.get() || process.flooded()) {
                        stopped = true;
                        break;
                    }
                    if (System.nanoTime() - deadline > 0) {
                        timedOut = true;
                        break;
                    }
                }
                process.killTree();
                int exit = stopped || timedOut ? -1 : process.exitCode();
                return new Result(exit, timedOut, stopped, List.of(), process.output(), elapsed(start));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, false, true, List.of(), CapturedOutput.NONE, elapsed(start));
        }
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
