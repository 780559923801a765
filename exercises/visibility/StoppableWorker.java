package visibility;

/*
 * Exercise stop-flag -- make a worker that stops when another thread asks it to.
 *
 * One thread calls runUntilStopped(), which loops until requestStop() is called. The hidden
 * checks let the loop run hot for a moment (long enough for the JIT compiler to compile it),
 * then call requestStop() from another thread, and expect runUntilStopped() to return within
 * one second. Right now it never returns: nothing tells the JIT that another thread writes
 * stopRequested, so the compiled loop reads the field once and spins on a copy forever.
 *
 * What to do: make the write in requestStop() visible to the loop. Change the declaration of
 * the field stopRequested (a keyword, or an AtomicBoolean), and keep the loop reading the field
 * itself on every turn. Do not add Thread.sleep or printing to the loop: they can hide the bug
 * without fixing it, and a check looks at the field.
 *
 * Edit the field declaration and, if you change its type, the two method bodies. Keep the class
 * name and the method signatures: the checks call them.
 *
 *   ./run.sh check stop-flag     grade it
 *   ./run.sh hint stop-flag      one hint at a time
 */
public class StoppableWorker {

    private boolean stopRequested;

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
