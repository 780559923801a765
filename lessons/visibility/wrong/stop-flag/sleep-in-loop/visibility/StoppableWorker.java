package visibility;

/*
 * Known-wrong: a plain flag with Thread.sleep in the loop. It usually stops, because the JIT does
 * not keep a field in a register across a call it cannot see into, but the Java memory model
 * promises nothing here (JLS 17.3: sleep has no synchronization semantics).
 */
public class StoppableWorker {

    private boolean stopRequested;

    public long runUntilStopped() {
        long rounds = 0;
        while (!stopRequested) {
            rounds++;
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return rounds;
            }
        }
        return rounds;
    }

    public void requestStop() {
        stopRequested = true;
    }
}
