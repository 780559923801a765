package puzzles;

import java.util.concurrent.CountDownLatch;

// Wrong: pong() hands its Runnable over and returns, and ping()'s thread hits both. The order
// is perfect, but one thread plays alone.
public final class PingPong {

    private final int rounds;
    private final CountDownLatch pongArrived = new CountDownLatch(1);
    private volatile Runnable pongHit;

    public PingPong(int rounds) {
        this.rounds = rounds;
    }

    public void ping(Runnable hit) throws InterruptedException {
        pongArrived.await();
        for (int i = 0; i < rounds; i++) {
            hit.run();
            pongHit.run();
        }
    }

    public void pong(Runnable hit) throws InterruptedException {
        pongHit = hit;
        pongArrived.countDown();
    }
}
