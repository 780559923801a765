package visibility;

/* Known-wrong: the flag is volatile and checked, but only between batches, and a batch never ends. */
public class StoppableWorker {

    private volatile boolean stopRequested;

    public long runUntilStopped() {
        long rounds = 0;
        while (!stopRequested) {
            long batch = 0;
            while (batch >= 0) { // "until the batch is done": 2^63 rounds, centuries
                batch++;
                rounds++;
            }
        }
        return rounds;
    }

    public void requestStop() {
        stopRequested = true;
    }
}
