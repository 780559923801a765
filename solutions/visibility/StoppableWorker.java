package visibility;

/*
 * Reference solution for stop-flag.
 *
 * The flag is volatile: the write in requestStop() happens-before every read of it that sees
 * it, and the JIT may not keep a volatile field in a register across the loop, so the worker
 * sees the request on its next turn. The loop reads the field itself on every turn, never a
 * copy taken before the loop. (An AtomicBoolean with get() and set(true) passes too.)
 */
public class StoppableWorker {

    private volatile boolean stopRequested;

    /** Runs on the worker thread: does rounds of work until asked to stop; returns how many. */
    public long runUntilStopped() {
        long rounds = 0;
        while (!stopRequested) {
            rounds++; // one round of work: as tight as the hot loops of real programs get
        }
        return rounds;
    }

    /** Called from another thread: asks the worker to stop after its current round. */
    public void requestStop() {
        stopRequested = true;
    }
}
