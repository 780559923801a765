package executors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

// Known-wrong: a single-thread executor, so the files are processed one at a time.
public final class FolderScan {

    private FolderScan() {
    }

    /** Processes every file of {@code folder} with {@code job}, on a pool of {@code threads} threads. */
    public static Readings.Report scan(Path folder, Readings.Job job, int threads)
            throws IOException, InterruptedException {
        List<Path> files = Readings.filesIn(folder);
        List<Readings.FileResult> results = new ArrayList<>();
        List<Readings.Failure> failures = new ArrayList<>();
        try (ExecutorService pool = Executors.newSingleThreadExecutor(named("scan-"))) {
            Map<Path, Future<Readings.FileResult>> pending = new LinkedHashMap<>();
            for (Path file : files) {
                pending.put(file, pool.submit(() -> job.process(file)));
            }
            for (Map.Entry<Path, Future<Readings.FileResult>> entry : pending.entrySet()) {
                try {
                    results.add(entry.getValue().get());
                } catch (ExecutionException e) {
                    failures.add(new Readings.Failure(Readings.nameOf(entry.getKey()), e.getCause().toString()));
                }
            }
        }
        return new Readings.Report(results, failures);
    }

    /** Threads named prefix1, prefix2, ...: a thread dump then says whose threads they are. */
    private static ThreadFactory named(String prefix) {
        AtomicInteger next = new AtomicInteger();
        return task -> new Thread(task, prefix + next.incrementAndGet());
    }
}
