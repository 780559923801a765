package processes.examples;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a worker process costs before it does any work: a new thread, then a new JVM that only
 * prints its pid, started one at a time, then 2 and 4 at once. Each figure is the median of
 * several runs, from start() to the end of waitFor().
 */
public class StartupCost {

    /** The worker: prints its pid and ends. Everything else is the JVM's own start-up and exit. */
    public static final class Hello {
        public static void main(String[] args) {
            System.out.println(ProcessHandle.current().pid());
        }
    }

    public static void main(String[] args) throws Exception {
        int runs = 7;
        long[] thread = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Thread t = Thread.ofPlatform().start(() -> { });
            t.join();
            thread[i] = System.nanoTime() - start;
        }
        System.out.printf("%-22s started and joined: %7.3f ms%n", "a new thread,", median(thread) / 1e6);

        startJvms(1, 2); // the first start reads the JDK's files from disk: not counted
        for (int atOnce : new int[] {1, 2, 4}) {
            long[] times = new long[runs];
            for (int i = 0; i < runs; i++) {
                times[i] = startJvms(atOnce, i);
            }
            String what = atOnce == 1 ? "1 new JVM, alone" : atOnce + " new JVMs at once";
            System.out.printf("%-22s started and ended: %8.1f ms%n", what + ",", median(times) / 1e6);
        }
        System.out.println();
        System.out.println("median of " + runs + " runs on " + Runtime.getRuntime().availableProcessors()
                + " processors; each worker was started with:");
        List<String> shown = new ArrayList<>(command());
        shown.set(0, Path.of(shown.get(0)).getFileName().toString());
        shown.set(shown.indexOf(folder()), "<classes>");
        String mainClass = shown.removeLast();
        System.out.println("  " + String.join(" ", shown) + " \\");
        System.out.println("      " + mainClass);
    }

    /** Starts {@code count} JVMs, then waits for all of them; the time it took, in nanoseconds. */
    static long startJvms(int count, int round) throws Exception {
        long start = System.nanoTime();
        List<Process> workers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            workers.add(new ProcessBuilder(command()).start());
        }
        for (Process worker : workers) {
            worker.getInputStream().readAllBytes();
            if (worker.waitFor() != 0) {
                throw new IllegalStateException("a worker failed with exit code " + worker.exitValue());
            }
        }
        return System.nanoTime() - start;
    }

    static List<String> command() {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp", folder(), Hello.class.getName());
    }

    /** Where this class was loaded from: the class path the workers need. */
    static String folder() {
        try {
            return Path.of(StartupCost.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
