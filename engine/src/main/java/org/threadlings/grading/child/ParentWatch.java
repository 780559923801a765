package org.threadlings.grading.child;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Ends the grading JVM when the runner that started it is gone, on every system and JDK (on Linux
 * with JDK 22+, the kernel's parent-death signal usually gets there first, see
 * {@code ParentBond}). The runner keeps this JVM's standard input open while the run lasts, so
 * the end of input means it has gone.
 *
 * <p>Student code may interrupt every thread it finds: the blocking read of a pipe ignores
 * interrupts, and should the read fail, the thread falls back to polling the parent process and
 * goes on through interrupts. Once the parent is gone it kills what the run started and halts.
 */
final class ParentWatch extends Thread {

    static final int EXIT_PARENT_GONE = 73;
    private static final long POLL_MILLIS = 200;

    private final InputStream input;
    private final Optional<ProcessHandle> parent;
    private final Leftovers leftovers;

    ParentWatch(InputStream input, Leftovers leftovers) {
        super("threadlings-parent-watch");
        setDaemon(true);
        setPriority(MAX_PRIORITY);
        this.input = input;
        this.parent = ProcessHandle.current().parent();
        this.leftovers = leftovers;
    }

    @Override
    public void run() {
        try {
            byte[] buffer = new byte[256];
            while (input.read(buffer) >= 0) {
                // the runner sends nothing more: anything read is ignored
            }
        } catch (IOException e) {
            waitForParentToEnd();
        }
        leftovers.killProcesses();
        Runtime.getRuntime().halt(EXIT_PARENT_GONE);
    }

    private void waitForParentToEnd() {
        while (parent.map(ProcessHandle::isAlive).orElse(false)) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                // not ours to give up on: keep watching
            }
        }
    }
}
