package processes.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The processes this JVM started, and the processes those started, that still run. A process
 * that has ended but was not yet collected by its parent (a zombie) runs nothing and is not
 * counted: Java's own reaper collects it a moment later.
 */
final class Children {

    private Children() {
    }

    /** Every descendant of this JVM that still runs, except those in {@code before}. */
    static List<ProcessHandle> runningExcept(Set<Long> before) {
        return ProcessHandle.current().descendants()
                .filter(p -> !before.contains(p.pid()))
                .filter(Children::running)
                .toList();
    }

    /** The pids of the descendants running now: taken before a check calls the student's code. */
    static Set<Long> now() {
        return ProcessHandle.current().descendants().filter(Children::running)
                .map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            // /proc/PID/stat: "pid (command) state ...": the state follows the last ')'.
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            int close = stat.lastIndexOf(')');
            return close < 0 || close + 2 >= stat.length() || stat.charAt(close + 2) != 'Z';
        } catch (IOException | UncheckedIOException e) {
            return process.isAlive(); // no /proc here, or it ended this very moment
        }
    }

    /**
     * Kills {@code processes} and waits up to 5 s for them to end, so that the next check starts
     * clean; returns them described for a failure message.
     */
    static String kill(List<ProcessHandle> processes) {
        String described = processes.stream().map(Children::describe).collect(Collectors.joining("; "));
        processes.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        for (ProcessHandle process : processes) {
            while (running(process) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }
        return described;
    }

    /** "pid 4242: processes.PrimeWorker 0 630000": the class and its arguments, without the JVM's options. */
    static String describe(ProcessHandle process) {
        List<String> arguments = process.info().arguments().map(List::of).orElse(List.of());
        int cp = Math.max(arguments.indexOf("-cp"), arguments.indexOf("-classpath"));
        String what = cp >= 0 && cp + 2 <= arguments.size()
                ? String.join(" ", arguments.subList(cp + 2, arguments.size()))
                : process.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("a process");
        return "pid " + process.pid() + ": " + what;
    }
}
