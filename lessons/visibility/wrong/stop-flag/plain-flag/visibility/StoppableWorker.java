package visibility;

/* Known-wrong: the starter's plain boolean. The JIT reads the field once and spins forever. */
public class StoppableWorker {

    private boolean stopRequested;

    public long runUntilStopped() {
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
