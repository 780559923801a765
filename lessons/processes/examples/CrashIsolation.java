package processes.examples;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Three workers that go wrong, and a parent that stays standing: one throws, one runs out of
 * memory, one never ends and is killed after a time-out. The parent reads each one's exit code
 * and error output, and carries on.
 */
public class CrashIsolation {

    /** A worker that goes wrong in the way its argument names. */
    public static final class Worker {
        public static void main(String[] args) throws Exception {
            switch (args[0]) {
                case "throw" -> throw new IllegalStateException("something broke in the worker");
                case "memory" -> {
                    List<long[]> hoard = new java.util.ArrayList<>();
                    while (true) {
                        hoard.add(new long[1_000_000]);
                    }
                }
                default -> Thread.sleep(Long.MAX_VALUE);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        for (String how : List.of("throw", "memory", "hang")) {
            // Errors go to a file: destroyForcibly() closes the pipes, and with them what was in them.
            Path errorsFile = Files.createTempFile("worker-errors", ".txt");
            Process worker = new ProcessBuilder(command(how)).redirectError(errorsFile.toFile()).start();
            ProcessHandle handle = worker.toHandle();
            // onExit() runs its action on another thread, so this line may come a little early or late.
            handle.onExit().thenRun(() -> System.out.println("  (onExit: pid " + handle.pid() + " has ended)"));
            System.out.println("worker " + worker.pid() + " started to " + how);
            if (!worker.waitFor(5, TimeUnit.SECONDS)) {
                System.out.println("  still running after 5 s: destroyForcibly()");
                worker.destroyForcibly();
                worker.waitFor();
            }
            String errors = Files.readString(errorsFile, StandardCharsets.UTF_8).strip();
            Files.delete(errorsFile);
            String first = errors.isEmpty() ? "(nothing)" : errors.lines().findFirst().orElse("");
            System.out.println("  exit code " + worker.exitValue() + ", its errors begin:");
            System.out.println("  " + (first.length() > 76 ? first.substring(0, 73) + "..." : first));
        }
        System.out.println();
        System.out.println("The parent is still standing: three workers failed, it lost nothing.");
        System.out.println("Processes of this JVM still running: " + ProcessHandle.current().descendants().count());
    }

    static List<String> command(String how) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "-Xmx32m", "-XX:+UseSerialGC", "-cp", folder(), Worker.class.getName(), how);
    }

    static String folder() {
        try {
            return Path.of(CrashIsolation.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
