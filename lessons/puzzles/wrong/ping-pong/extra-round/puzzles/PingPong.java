package puzzles;

// Wrong: pong() loops rounds + 1 times (<= instead of <), so after the last ping it waits for a
// turn that never comes.
public final class PingPong {

    private final int rounds;
    private boolean pingsTurn = true;

    public PingPong(int rounds) {
        this.rounds = rounds;
    }

    public synchronized void ping(Runnable hit) throws InterruptedException {
        for (int i = 0; i < rounds; i++) {
            while (!pingsTurn) {
                wait();
            }
            hit.run();
            pingsTurn = false;
            notifyAll();
        }
    }

    public synchronized void pong(Runnable hit) throws InterruptedException {
        for (int i = 0; i <= rounds; i++) {
            while (pingsTurn) {
                wait();
            }
            hit.run();
            pingsTurn = true;
            notifyAll();
        }
    }
}
