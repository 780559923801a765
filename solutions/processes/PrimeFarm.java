package processes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/*
 * Exercise prime-farm -- count primes in several worker processes at once.
 *
 * countPrimes(below, workers, worker) must count the primes in [0, below) by starting `workers`
 * worker JVMs, each running the class `worker` on one range. A worker is started with two
 * arguments, FROM and TO, prints one line (the count of primes in [FROM, TO)) and exits with
 * code 0 (see PrimeWorker; the checks also hand you workers of their own).
 *
 * What to do:
 *  1. Start every worker before you wait for any: Jvm.builder(worker, from, to).start(), one
 *     range each, taken from bounds(below, workers).
 *  2. Then, for each worker: read its whole output, wait for it (waitFor), and check its exit
 *     code. A code other than 0 means the worker failed: throw an IOException that names the
 *     exit code.
 *  3. Leave nothing running: when you return or throw, every worker you started has ended.
 *     Those still running on the way out get destroyForcibly(), and a waitFor() after it.
 *
 * Edit countPrimes() only.
 *
 *   ./run.sh check prime-farm     grade it
 *   ./run.sh hint prime-farm      one hint at a time
 */
public final class PrimeFarm {

    private PrimeFarm() {
    }

    /** How many primes lie in [0, below), counted by {@code workers} processes running {@code worker}. */
    public static long countPrimes(int below, int workers, Class<?> worker) throws IOException, InterruptedException {
        int[] bounds = bounds(below, workers);
        List<Process> started = new ArrayList<>();
        try {
            for (int i = 0; i < workers; i++) {
                started.add(Jvm.builder(worker, Integer.toString(bounds[i]), Integer.toString(bounds[i + 1]))
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start());
            }
            long total = 0;
            for (int i = 0; i < workers; i++) {
                Process process = started.get(i);
                String output;
                try (InputStream in = process.getInputStream()) {
                    output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                }
                int exit = process.waitFor();
                if (exit != 0) {
                    throw new IOException("worker " + process.pid() + " for [" + bounds[i] + ", " + bounds[i + 1]
                            + ") failed with exit code " + exit);
                }
                total += Long.parseLong(output);
            }
            return total;
        } finally {
            // Those that ended already are not touched; the others are killed, then reaped.
            for (Process process : started) {
                process.destroyForcibly();
            }
            for (Process process : started) {
                process.waitFor();
            }
        }
    }

    /**
     * Given: cuts [0, below) into {@code parts} consecutive ranges of about equal work, range i
     * being [bounds[i], bounds[i + 1]). Testing n costs up to sqrt(n) divisions, so the work
     * below x grows like x^1.5 and equal work means bounds at below * (i / parts)^(2/3): the low
     * ranges are longer than the high ones.
     */
    static int[] bounds(int below, int parts) {
        int[] bounds = new int[parts + 1];
        for (int i = 1; i < parts; i++) {
            bounds[i] = (int) Math.round(below * Math.pow((double) i / parts, 2.0 / 3.0));
        }
        bounds[parts] = below;
        return bounds;
    }
}
