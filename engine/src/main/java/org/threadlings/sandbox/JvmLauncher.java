package org.threadlings.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Starts child JVMs from the same JDK and class path as this one, with the options every
 * sandboxed run needs, and an ahead-of-time cache of their start-up when one is ready.
 */
public final class JvmLauncher {

    /** Past this much output the child is stopped: nothing useful is printed in such volume. */
    public static final long DEFAULT_FLOOD_LIMIT = 8L * 1024 * 1024;

    /** Lets the thread-dump code name lock owners among virtual threads (see diagnosis). */
    static final List<String> DIAGNOSIS_ACCESS = List.of(
            "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED",
            "--add-opens", "java.base/java.util.concurrent.locks=ALL-UNNAMED");

    /**
     * Fixed options: a bounded heap, and an immediate exit when it runs out (an OutOfMemoryError
     * caught half-way leaves a JVM where nothing works, not even reporting); serial GC starts
     * fastest and leaves the cores to the code under test.
     */
    static final List<String> BASE_OPTIONS = List.of(
            "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Djava.awt.headless=true",
            "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8");
    // No --enable-native-access here: it would open native code to the student's classes too (the
    // grader shares their unnamed module), and with it the memory that holds the result key.
    // ParentBond's prctl calls are refused then, and the grading JVM relies on its standard input
    // (the runner's end closes it) and the environment mark to end with its runner.

    /**
     * Doors closed to the code under test, which shares its JVM with the grader: attaching an
     * agent or debugger (from a process it starts) and, where the JDK can refuse them,
     * sun.misc.Unsafe's memory access (JDK 23+) and native code (JDK 24+). Each would let it read
     * the key that seals the grader's results.
     */
    static List<String> lockdownOptions(int jdk) {
        List<String> options = new ArrayList<>(List.of("-XX:+DisableAttachMechanism"));
        if (jdk >= 23) {
            options.add("--sun-misc-unsafe-memory-access=deny");
        }
        if (jdk >= 24) {
            options.add("--illegal-native-access=deny");
        }
        return options;
    }

    private final Path java;
    private final String classPath;
    private final StartupCache cache;

    JvmLauncher(Path java, String classPath, StartupCache cache) {
        this.java = java;
        this.classPath = classPath;
        this.cache = cache;
    }

    /** A launcher for this JVM's own JDK and class path. */
    public static JvmLauncher forThisJvm() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classPath = System.getProperty("java.class.path");
        return new JvmLauncher(java, classPath, StartupCache.forClassPath(java, classPath, fixedOptions()));
    }

    /** The class path of this JVM, as a list of paths: what checks are compiled against. */
    public List<Path> classPath() {
        return List.of(classPath.split(File.pathSeparator)).stream()
                .filter(s -> !s.isEmpty()).map(Path::of).toList();
    }

    /**
     * Starts {@code mainClass} from this class path.
     *
     * @param extraOptions  options after the fixed ones (so they can override them)
     * @param live          receives output as it arrives, or null
     * @param onFlood       called once if the output passes the flood limit
     */
    public SandboxProcess start(String mainClass, List<String> extraOptions, List<String> args,
                                Consumer<byte[]> live, Runnable onFlood) throws IOException {
        return start(mainClass, List.of(), extraOptions, args, live, onFlood);
    }

    /** As {@link #start}, with extra class path entries after this JVM's own. */
    public SandboxProcess start(String mainClass, List<Path> extraClassPath, List<String> extraOptions,
                                List<String> args, Consumer<byte[]> live, Runnable onFlood) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(fixedOptions());
        command.addAll(cache.options());
        command.addAll(extraOptions);
        command.add("-cp");
        StringBuilder cp = new StringBuilder(classPath);
        extraClassPath.forEach(p -> cp.append(File.pathSeparator).append(p));
        command.add(cp.toString());
        command.add(mainClass);
        command.addAll(args);
        return new SandboxProcess(command, DEFAULT_FLOOD_LIMIT, live, onFlood == null ? () -> { } : onFlood);
    }

    /** Records the start-up cache in the background if there is none yet; later starts use it. */
    public void prepareCache(String trainingMainClass, List<String> trainingArgs) {
        cache.prepare(trainingMainClass, trainingArgs);
    }

    static List<String> fixedOptions() {
        List<String> options = new ArrayList<>(BASE_OPTIONS);
        options.addAll(DIAGNOSIS_ACCESS);
        options.addAll(lockdownOptions(Runtime.version().feature()));
        return options;
    }
}
