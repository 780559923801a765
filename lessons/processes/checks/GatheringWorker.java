package processes.checks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A worker that proves, without a clock, whether the workers ran at the same time. Each one
 * leaves a marker file while it runs and, before counting, waits until as many markers as
 * workers are there at once. Workers started together meet however busy the machine is: a
 * worker waits for as long as its siblings' processes exist, however slowly their JVMs boot.
 * Workers started one after another never meet, because each removes its marker before it
 * exits; alone, a worker gives up after {@link #PATIENCE_MILLIS}. What each saw is written beside the markers
 * for the check: the most markers seen at once, and one file per worker that ever started.
 */
public final class GatheringWorker {

    static final String FOLDER = "processes-gathering";
    static final String EXPECTED = "expected";
    static final long PATIENCE_MILLIS = 2_000;
    static final long LAST_RESORT_MILLIS = 20_000;

    private GatheringWorker() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int from = Integer.parseInt(args[0]);
        int to = Integer.parseInt(args[1]);
        Path folder = folder();
        int expected = Integer.parseInt(Files.readString(folder.resolve(EXPECTED)).strip());
        long pid = ProcessHandle.current().pid();
        Files.writeString(folder.resolve(pid + ".started"), from + " " + to);
        Path marker = Files.createFile(folder.resolve(pid + ".alive"));
        int peak = 0;
        long start = System.nanoTime();
        while (true) {
            peak = Math.max(peak, count(folder, ".alive"));
            long waited = (System.nanoTime() - start) / 1_000_000;
            // While the other workers' processes exist, they are only slow to boot: keep waiting.
            boolean othersStarted = siblings() >= expected;
            if (peak >= expected || waited > LAST_RESORT_MILLIS
                    || waited > PATIENCE_MILLIS && !othersStarted) {
                break;
            }
            Thread.sleep(5);
        }
        Files.writeString(folder.resolve(pid + ".peak"), Integer.toString(peak));
        System.out.println(ReferenceWorker.countInRange(from, to));
        System.out.flush();
        Files.delete(marker);
    }

    /** Processes of this worker's parent running this class, this one included. */
    static long siblings() {
        return ProcessHandle.current().parent().map(parent -> parent.children()
                .filter(ProcessHandle::isAlive)
                .filter(child -> child.info().arguments()
                        .map(args -> List.of(args).contains(GatheringWorker.class.getName())).orElse(false))
                .count()).orElse(0L);
    }

    static Path folder() {
        return Launch.folderOf(GatheringWorker.class).resolve(FOLDER);
    }

    static int count(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith(suffix)).count();
        }
    }

    /** The most markers any worker saw at once. */
    static int peak(Path folder) throws IOException {
        int peak = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".peak")).toList()) {
                peak = Math.max(peak, Integer.parseInt(Files.readString(f).strip()));
            }
        }
        return peak;
    }

    /** A fresh, empty folder expecting {@code workers} workers. */
    static Path prepare(int workers) throws IOException {
        Path folder = folder();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(EXPECTED), Integer.toString(workers));
        return folder;
    }
}
