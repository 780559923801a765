package org.threadlings.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The runner a scratch folder or a sandboxed process belongs to: a process id and the time that
 * process started. The pair tells a runner that is gone from one whose process id was handed to
 * another program since.
 *
 * @param pid         the runner's process id
 * @param startMillis when it started, in milliseconds since the epoch (0 where the system does not tell)
 */
record RunOwner(long pid, long startMillis) {

    /**
     * Start times are read from the system at different moments, and on Linux the boot time they
     * are counted from can shift by a second between reads: closer than this counts as the same
     * start. A process id reused by another program within seconds of the first start is not a
     * worry.
     */
    private static final Duration SAME_START = Duration.ofSeconds(3);

    private static final RunOwner CURRENT = of(ProcessHandle.current());

    /** This JVM. */
    static RunOwner current() {
        return CURRENT;
    }

    static RunOwner of(ProcessHandle process) {
        return new RunOwner(process.pid(), startOf(process).orElse(0L));
    }

    /** True while the process that wrote this owner is still running. */
    boolean isAlive() {
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return false;
        }
        Optional<Long> start = startOf(process.get());
        return startMillis == 0 || start.isEmpty()
                || Math.abs(start.get() - startMillis) <= SAME_START.toMillis();
    }

    /** {@code pid-startMillis}: part of scratch folder names and of sandbox marks. */
    String label() {
        return pid + "-" + startMillis;
    }

    private static Optional<Long> startOf(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli);
    }
}
