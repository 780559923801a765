package org.threadlings.sandbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The start-up sweep ends processes marked by a runner that is gone, and only those. */
class StaleRunsTest {

    @Test
    void a_process_marked_by_a_runner_that_is_gone_is_killed_and_one_of_a_live_runner_is_not() throws Exception {
        assumeTrue(ProcFs.available(), "marked processes are found in /proc, on Linux");
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Process orphan = marked(new SandboxMark(new RunOwner(ended.pid(), 1_700_000_000_000L), 1));
        Process ours = marked(SandboxMark.next());
        try {
            StaleRuns.sweep();
            assertTrue(orphan.waitFor(10, java.util.concurrent.TimeUnit.SECONDS), "the orphan still runs");
            assertFalse(ours.waitFor(Duration.ofMillis(200).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS),
                    "a process of a live runner was killed");
        } finally {
            orphan.destroyForcibly();
            ours.destroyForcibly();
        }
    }

    private static Process marked(SandboxMark mark) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sleep", "60");
        builder.environment().put(SandboxMark.VARIABLE, mark.value());
        Process process = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!mark.value().equals(ProcFs.marks().get(process.pid())) && System.nanoTime() < deadline) {
            Thread.sleep(20); // between fork and exec the environment is still the parent's
        }
        return process;
    }
}
