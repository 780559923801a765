package visibility;

/* Known-wrong: clears the flag when the loop starts, losing a stop requested before that. */
public class StoppableWorker {

    private volatile boolean stopRequested;

    public long runUntilStopped() {
        stopRequested = false; // "start fresh": but a request made before this line is lost
        long rounds = 0;
        while (!stopRequested) {
            rounds++;
        }
        return rounds;
    }

    public void requestStop() {
        stopRequested = true;
    }
}
