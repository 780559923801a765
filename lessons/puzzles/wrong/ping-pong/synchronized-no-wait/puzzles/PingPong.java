package puzzles;

// Wrong: both methods are synchronized, so they never run at the same time, but nothing makes
// them take turns: whoever gets the lock hits all its rounds in a row.
public final class PingPong {

    private final int rounds;

    public PingPong(int rounds) {
        this.rounds = rounds;
    }

    public synchronized void ping(Runnable hit) throws InterruptedException {
        for (int i = 0; i < rounds; i++) {
            hit.run();
        }
    }

    public synchronized void pong(Runnable hit) throws InterruptedException {
        for (int i = 0; i < rounds; i++) {
            hit.run();
        }
    }
}
