package puzzles;

import java.util.concurrent.Semaphore;

// Wrong: both semaphores start with a permit, so pong need not wait for the first ping.
public final class PingPong {

    private final int rounds;
    private final Semaphore pingsTurn = new Semaphore(1);
    private final Semaphore pongsTurn = new Semaphore(1);

    public PingPong(int rounds) {
        this.rounds = rounds;
    }

    public void ping(Runnable hit) throws InterruptedException {
        for (int i = 0; i < rounds; i++) {
            pingsTurn.acquire();
            hit.run();
            pongsTurn.release();
        }
    }

    public void pong(Runnable hit) throws InterruptedException {
        for (int i = 0; i < rounds; i++) {
            pongsTurn.acquire();
            hit.run();
            pingsTurn.release();
        }
    }
}
