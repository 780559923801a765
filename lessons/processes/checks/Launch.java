package processes.checks;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a worker JVM for a check: the same launcher and options as the exercise's Jvm.builder. */
final class Launch {

    private Launch() {
    }

    static ProcessBuilder of(Class<?> main, String... args) {
        return command(List.of(), folderOf(main).toString(), main, args);
    }

    /**
     * As {@link #of(Class, String...)}, with JVM options after the usual ones, and the folders of
     * {@code alsoNeeded} on the class path too. The grader compiles the checks and the student's
     * classes into one folder; a build tool keeps them in two.
     */
    static ProcessBuilder of(List<String> options, List<Class<?>> alsoNeeded, Class<?> main, String... args) {
        List<String> folders = new ArrayList<>(List.of(folderOf(main).toString()));
        for (Class<?> needed : alsoNeeded) {
            String folder = folderOf(needed).toString();
            if (!folders.contains(folder)) {
                folders.add(folder);
            }
        }
        return command(options, String.join(File.pathSeparator, folders), main, args);
    }

    private static ProcessBuilder command(List<String> options, String classPath, Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.add("-Xmx64m");
        command.add("-XX:+UseSerialGC");
        command.addAll(options);
        command.add("-cp");
        command.add(classPath);
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /** The folder (or jar) {@code type} was loaded from. */
    static Path folderOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
