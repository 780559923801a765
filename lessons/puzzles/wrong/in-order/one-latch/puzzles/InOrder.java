package puzzles;

import java.util.concurrent.CountDownLatch;

// Wrong: one latch for both hand-offs. second() and third() both wait for first(), and then
// race each other.
public final class InOrder {

    private final CountDownLatch firstDone = new CountDownLatch(1);

    public void first(Runnable step) throws InterruptedException {
        step.run();
        firstDone.countDown();
    }

    public void second(Runnable step) throws InterruptedException {
        firstDone.await();
        step.run();
    }

    public void third(Runnable step) throws InterruptedException {
        firstDone.await();
        step.run();
    }
}
