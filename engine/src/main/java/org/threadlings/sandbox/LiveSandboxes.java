package org.threadlings.sandbox;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every sandboxed process this JVM started and has not yet killed, and a shutdown hook that kills
 * them, with every process they started, when this JVM ends: on Ctrl-C, SIGTERM, a closed
 * terminal (SIGHUP) or {@code System.exit}. Only SIGKILL gives no chance; for that the grading
 * JVM watches its parent itself, and the next start sweeps up (see {@link StaleRuns}).
 */
final class LiveSandboxes {

    private static final Set<SandboxProcess> LIVE = ConcurrentHashMap.newKeySet();
    private static boolean ending;

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(LiveSandboxes::killAll, "threadlings-sandbox-exit"));
        } catch (IllegalStateException e) {
            ending = true; // first used while this JVM already shuts down: nothing may start to outlive it
        }
    }

    private LiveSandboxes() {
    }

    static void add(SandboxProcess process) {
        boolean killNow;
        synchronized (LiveSandboxes.class) {
            killNow = ending;
            if (!killNow) {
                LIVE.add(process);
            }
        }
        if (killNow) { // started while this JVM shuts down: the hook has already looked
            process.killTree();
        }
    }

    static void remove(SandboxProcess process) {
        LIVE.remove(process);
    }

    private static void killAll() {
        synchronized (LiveSandboxes.class) {
            ending = true;
        }
        LIVE.forEach(SandboxProcess::killTree);
    }
}
