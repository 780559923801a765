package visibility;

/* Known-wrong: the field is volatile, but the loop tests a copy taken once, before the loop. */
public class StoppableWorker {

    private volatile boolean stopRequested;

    public long runUntilStopped() {
        long rounds = 0;
        boolean stop = stopRequested; // read once: later writes never reach the loop
        while (!stop) {
            rounds++;
        }
        return rounds;
    }

    public void requestStop() {
        stopRequested = true;
    }
}
