package processes.checks;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.threadlings.checks.Stress;
import org.threadlings.checks.Structure;
import org.threadlings.checks.Words;
import processes.MappedCounter;

/**
 * Exercise shared-counter: several JVMs increment one count in a memory-mapped file. Each trial
 * runs the student's counter in 2 or 3 worker processes released together, then a racy counter
 * (the canary) the same way: a trial counts as evidence only if the canary lost updates, which
 * shows the processes really ran at the same time.
 */
class SharedCounterCheck {

    /**
     * Workers run interpreted: the race window between read and write is then wide enough to show
     * in a few trials, for the student's counter and the canary alike.
     */
    private static final List<String> INTERPRETED = List.of("-Xint");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    @Order(1)
    @DisplayName("no update is lost when 2 or 3 processes increment the count at the same time")
    void noLostUpdates() throws Exception {
        Path file = Files.createTempFile("shared-counter", ".bin");
        try {
            Stress.trials().within(Duration.ofSeconds(6)).atLeast(2).atMost(10).informative(2).run(trial -> {
                int workers = trial.between(2, 3);
                int each = trial.between(10_000, 25_000);
                trial.describe(workers + " processes × " + Words.count(each) + " increments");
                long total = (long) workers * each;
                long counted = run(file, workers, each, "student");
                if (counted != total) {
                    fail("Lost " + Words.count(total - counted) + " of " + Words.count(total) + " increments: "
                            + workers + " processes × " + Words.count(each) + " increments left the count at "
                            + Words.count(counted) + ". Two processes read the same value and both wrote it back "
                            + "plus one. Hold an exclusive FileLock on the counter's 8 bytes, "
                            + "channel.lock(0, Long.BYTES, false), from before the read until after the write.");
                }
                trial.raced(total - run(file, workers, each, "racy"));
            });
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    @Order(2)
    @DisplayName("guards the count with a lock on the file, which other processes see")
    void locksTheFile() {
        Structure.of(MappedCounter.class).mustCall("java.nio.channels.FileChannel", "lock",
                "A synchronized method or a ReentrantLock lives in one JVM; the other processes never see it. "
                        + "FileChannel.lock(0, Long.BYTES, false) asks the operating system, which all processes "
                        + "share.");
    }

    /** Zeroes the count, runs {@code workers} processes released together, returns the count they left. */
    static long run(Path file, int workers, int each, String mode) throws Exception {
        Files.write(file, new byte[Long.BYTES]);
        List<Conversation> started = new ArrayList<>();
        try {
            for (int i = 0; i < workers; i++) {
                started.add(new Conversation(Launch.of(INTERPRETED, List.of(MappedCounter.class), CountingWorker.class, file.toString(),
                        Integer.toString(each), mode).redirectError(ProcessBuilder.Redirect.INHERIT).start()));
            }
            for (Conversation worker : started) {
                expect(worker, "ready", mode);
            }
            for (Conversation worker : started) {
                worker.send(List.of("go"));
            }
            for (Conversation worker : started) {
                expect(worker, "done", mode);
                Optional<Integer> exit = worker.exit(PATIENCE);
                if (exit.isEmpty() || exit.get() != 0) {
                    fail("A worker using MappedCounter " + exit.map(c -> "exited with code " + c)
                            .orElse("did not exit") + " after counting; see its error output above.");
                }
            }
        } finally {
            for (Conversation worker : started) {
                worker.close();
            }
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer count = ByteBuffer.allocate(Long.BYTES);
            channel.read(count, 0);
            return count.flip().getLong();
        }
    }

    private static void expect(Conversation worker, String line, String mode) throws Exception {
        Optional<String> got = worker.next(PATIENCE);
        if (got.isEmpty() || !got.get().equals(line)) {
            fail("A worker " + (mode.equals("racy") ? "of the check" : "using your MappedCounter") + " did not say \""
                    + line + "\" within " + Words.duration(PATIENCE) + (got.map(g -> "; it said \"" + g + "\"")
                    .orElse(worker.ended() ? "; it ended (see its error output above)" : ""))
                    + ". Keep the constructor and close() as given, and release the lock in increment() "
                    + "in every case.");
        }
    }
}
