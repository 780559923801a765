package puzzles;

// Wrong: the turn is a volatile flag and each side spins until it flips. The order is right,
// but the thread that waits burns the processor the other one needs for its hit.
public final class PingPong {

    private final int rounds;
    private volatile boolean pingsTurn = true;

    public PingPong(int rounds) {
        this.rounds = rounds;
    }

    public void ping(Runnable hit) throws InterruptedException {
        for (int i = 0; i < rounds; i++) {
            while (!pingsTurn) {
                // spin
            }
            hit.run();
            pingsTurn = false;
        }
    }

    public void pong(Runnable hit) throws InterruptedException {
        for (int i = 0; i < rounds; i++) {
            while (pingsTurn) {
                // spin
            }
            hit.run();
            pingsTurn = true;
        }
    }
}
