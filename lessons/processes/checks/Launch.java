package processes.checks;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a worker JVM for a check: the same launcher and options as the exercise's Jvm.builder. */
final class Launch {

    private Launch() {
    }

    static ProcessBuilder of(Class<?> main, String... args) {
        return of(List.of(), main, args);
    }

    /** As {@link #of(Class, String...)}, with JVM options after the usual ones. */
    static ProcessBuilder of(List<String> options, Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.add("-Xmx64m");
        command.add("-XX:+UseSerialGC");
        command.addAll(options);
        command.add("-cp");
        command.add(folderOf(main).toString());
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /** The folder the grader compiled {@code type} into: the checks and the student's classes share it. */
    static Path folderOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
