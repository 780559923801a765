package puzzles;

// Wrong: wait() and notify() with no turn flag. A notify() sent while the other thread is not
// yet waiting is lost, and then both wait for ever.
public final class PingPong {

    private final int rounds;

    public PingPong(int rounds) {
        this.rounds = rounds;
    }

    public synchronized void ping(Runnable hit) throws InterruptedException {
        for (int i = 0; i < rounds; i++) {
            hit.run();
            notify();
            if (i < rounds - 1) {
                wait();
            }
        }
    }

    public synchronized void pong(Runnable hit) throws InterruptedException {
        for (int i = 0; i < rounds; i++) {
            wait();
            hit.run();
            notify();
        }
    }
}
