package org.threadlings.e2e;

import java.time.Instant;
import java.util.List;

/** Finds grading JVMs (and the processes they started) that outlived a run. */
final class GradingJvms {

    private GradingJvms() {
    }

    /**
     * Grading JVMs of this checkout started after {@code since} that are still alive; the start-up
     * cache's training run excepted. Other checkouts on the same machine grade at the same time.
     */
    static List<String> aliveSince(Instant since) {
        String engine = RunScript.ROOT.resolve("engine").toString();
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().startInstant().map(s -> !s.isBefore(since)).orElse(false))
                .map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains("org.threadlings.grading.child.ChildMain") && !c.contains("--train"))
                .filter(c -> c.contains(engine))
                .toList();
    }

    /** Processes started after {@code since} whose command line contains {@code marker}. */
    static List<String> aliveSince(Instant since, String marker) {
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().startInstant().map(s -> !s.isBefore(since)).orElse(false))
                .map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains(marker))
                .toList();
    }
}
