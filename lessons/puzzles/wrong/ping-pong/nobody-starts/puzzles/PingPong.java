package puzzles;

import java.util.concurrent.Semaphore;

// Wrong: both semaphores start empty. Each side waits for the other to hand over a turn that
// nobody has.
public final class PingPong {

    private final int rounds;
    private final Semaphore pingsTurn = new Semaphore(0);
    private final Semaphore pongsTurn = new Semaphore(0);

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
