package org.threadlings.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What runners killed with SIGKILL (or by a power cut) left behind, cleaned up when Threadlings
 * starts again: their scratch folders, and on Linux the processes that carry the sandbox mark of
 * a runner that no longer runs (a grading JVM ends itself when its runner dies; processes that
 * student code started below it cannot be told to).
 */
public final class StaleRuns {

    private StaleRuns() {
    }

    /** Sweeps in a background thread; join it before exiting to be sure the sweep is complete. */
    public static Thread sweepInBackground() {
        Thread sweep = new Thread(StaleRuns::sweep, "threadlings-sweep");
        sweep.setDaemon(true);
        sweep.setPriority(Thread.MIN_PRIORITY);
        sweep.start();
        return sweep;
    }

    /** Deletes stale scratch folders and kills orphaned sandboxed processes; returns how many of each. */
    static Swept sweep() {
        List<Path> folders = ScratchDir.sweep(Path.of(System.getProperty("java.io.tmpdir")));
        int processes = 0;
        for (var entry : ProcFs.marks().entrySet()) {
            Optional<SandboxMark> mark = SandboxMark.parse(entry.getValue());
            if (mark.isPresent() && !mark.get().owner().isAlive()) {
                Optional<ProcessHandle> orphan = ProcessHandle.of(entry.getKey());
                if (orphan.isPresent() && orphan.get().destroyForcibly()) {
                    processes++;
                }
            }
        }
        return new Swept(folders.size(), processes);
    }

    /** What one sweep removed. */
    record Swept(int folders, int processes) {
    }
}
