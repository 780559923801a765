package executors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/*
 * Exercise folder-scan -- process a folder of files on a pool of threads.
 *
 * scan(folder, job, threads) runs job.process(file) for every file of the folder and returns a
 * Readings.Report: a FileResult for each file that worked, a Failure (the file's name and the
 * reason) for each file whose job threw. Right now it processes the files one after another
 * on the calling thread.
 *
 * What to do: rewrite the body of scan() so that it
 *   1. creates a pool of `threads` threads whose threads are named scan-1, scan-2, ...
 *      (Executors.newFixedThreadPool(threads, factory) with a ThreadFactory of your own),
 *   2. submits one task per file, each calling job.process(file), ALL before waiting for any,
 *   3. collects every Future: a result goes into the results; a Future whose task threw gives
 *      an ExecutionException -- report it as a Failure with the file's name and its cause, and
 *      carry on with the other files (one bad file must not cost the others),
 *   4. shuts the pool down and waits for its threads before returning (try-with-resources on
 *      the pool does both).
 *
 * Edit only FolderScan.java, and in it only the body of scan(); you may add private methods and
 * fields. Keep the signature of scan(). Readings.java is given: leave it as it is.
 *
 *   ./run.sh check folder-scan     grade it
 *   ./run.sh hint folder-scan      one hint at a time
 */
public final class FolderScan {

    private FolderScan() {
    }

    /** Processes every file of {@code folder} with {@code job}, on a pool of {@code threads} threads. */
    public static Readings.Report scan(Path folder, Readings.Job job, int threads)
            throws IOException, InterruptedException {
        List<Readings.FileResult> results = new ArrayList<>();
        List<Readings.Failure> failures = new ArrayList<>();
        for (Path file : Readings.filesIn(folder)) {
            try {
                results.add(job.process(file));
            } catch (IOException | RuntimeException e) {
                failures.add(new Readings.Failure(Readings.nameOf(file), e.toString()));
            }
        }
        return new Readings.Report(results, failures);
    }
}
