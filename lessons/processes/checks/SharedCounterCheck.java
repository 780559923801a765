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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.threadlings.checks.Await;
import org.threadlings.checks.Stress;
import org.threadlings.checks.Words;
import processes.MappedCounter;

/**
 * Exercise shared-counter: several JVMs increment one count in a memory-mapped file. Each trial
 * runs the student's counter in 2 or 3 worker processes released together, then a racy counter
 * (the canary) the same way: a trial counts as evidence only if the canary lost updates, which
 * shows the processes really ran at the same time. A second check holds a shared lock on the count
 * from another JVM, as get() does to read it, and calls increment() here: it must wait until that
 * lock is let go, which tells an exclusive lock from a shared one, or from none, with no race needed.
 */
class SharedCounterCheck {

    /**
     * Workers run interpreted: the race window between read and write is then wide enough to show
     * in a few trials, for the student's counter and the canary alike.
     */
    private static final List<String> INTERPRETED = List.of("-Xint");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** How long increment() must be seen inside, unfinished, to count as waiting for a lock. */
    private static final Duration WAITING = Duration.ofMillis(500);

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
    @DisplayName("increment() waits while another process reads the count under a shared lock")
    void waitsForAReader() throws Exception {
        Path file = Files.createTempFile("shared-counter", ".bin");
        Files.write(file, new byte[Long.BYTES]);
        try (Conversation reader = Conversation.with(ReadingWorker.class, file.toString());
             MappedCounter counter = new MappedCounter(file)) {
            expect(reader, "holding", "reader");
            FutureTask<Void> incremented = new FutureTask<>(() -> {
                counter.increment();
                return null;
            });
            Thread incrementer = Thread.ofPlatform().daemon().name("increment").start(incremented);
            long start = System.nanoTime();
            Blocked blocked = new Blocked(incrementer);
            Await.until(() -> incremented.isDone() || blocked.longEnough(), PATIENCE,
                    "increment() to start, while another process held a shared lock on the count");
            if (incremented.isDone()) {
                wentAhead(incremented, readCount(file), Duration.ofNanos(System.nanoTime() - start));
            }
            reader.send(List.of("go"));
            expect(reader, "released", "reader");
            Await.result(incremented, PATIENCE, "increment() to return once the other process let go of its lock");
            long count = readCount(file);
            if (count != 1) {
                fail("increment() waited for the other process and returned once it let go, but the count is "
                        + Words.count(count) + ", not 1. Read and write the count while you hold the lock.");
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Evidence that increment() waits: its thread seen inside it, unfinished, for {@link #WAITING}.
     * Code that goes straight through is inside for microseconds; only a lock it waits for keeps it
     * there for half a second, far longer than a busy machine keeps a runnable thread off a core.
     */
    private static final class Blocked {
        private final Thread thread;
        private long insideSince = -1;

        Blocked(Thread thread) {
            this.thread = thread;
        }

        boolean longEnough() {
            boolean inside = Arrays.stream(thread.getStackTrace()).anyMatch(frame ->
                    frame.getClassName().equals(MappedCounter.class.getName()) && frame.getMethodName().equals("increment"));
            long now = System.nanoTime();
            if (!inside) {
                insideSince = -1;
                return false;
            }
            if (insideSince < 0) {
                insideSince = now;
            }
            return now - insideSince >= WAITING.toNanos();
        }
    }

    /** Fails with what increment() did while another process held a shared lock on the count. */
    private static void wentAhead(FutureTask<Void> incremented, long count, Duration took) throws Exception {
        try {
            incremented.get();
        } catch (ExecutionException e) {
            fail("increment() threw " + e.getCause() + " while another process held a shared lock on the count. "
                    + "channel.lock(0, Long.BYTES, false) waits for that lock rather than failing.", e.getCause());
        }
        if (count == 0) {
            fail("increment() returned in " + Words.duration(took) + " without adding one, while another process "
                    + "held a shared lock on the count: the count is still 0. tryLock() gives up at once when "
                    + "another process holds a lock, and that increment is lost; channel.lock(0, Long.BYTES, false) "
                    + "waits for it.");
        }
        fail("increment() went ahead while another process held a shared lock on the count, the lock get() "
                + "takes to read it: it returned in " + Words.duration(took) + " and left the count at "
                + Words.count(count) + ". Nothing in it waited: no lock at all, a shared lock (channel.lock(0, "
                + "Long.BYTES, true)), which lets every holder in at once, or a synchronized method or a "
                + "ReentrantLock, which other processes never see. The exclusive lock, channel.lock(0, Long.BYTES, "
                + "false), waits until no other process holds those bytes.");
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
        return readCount(file);
    }

    private static long readCount(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer count = ByteBuffer.allocate(Long.BYTES);
            channel.read(count, 0);
            return count.flip().getLong();
        }
    }

    private static void expect(Conversation worker, String line, String mode) throws Exception {
        Optional<String> got = worker.next(PATIENCE);
        if (got.isEmpty() || !got.get().equals(line)) {
            fail("A worker " + (mode.equals("student") ? "using your MappedCounter" : "of the check") + " did not say \""
                    + line + "\" within " + Words.duration(PATIENCE) + (got.map(g -> "; it said \"" + g + "\"")
                    .orElse(worker.ended() ? "; it ended (see its error output above)" : ""))
                    + (mode.equals("reader") ? "." : ". Keep the constructor and close() as given, and release "
                    + "the lock in increment() in every case."));
        }
    }
}
