package visibility;

/* Known-wrong: the writer takes a lock, the reader does not; a lock orders only its own holders. */
public class StoppableWorker {

    private boolean stopRequested;

    public long runUntilStopped() {
        long rounds = 0;
        while (!stopRequested) {
            rounds++;
        }
        return rounds;
    }

    public synchronized void requestStop() {
        stopRequested = true;
    }
}
