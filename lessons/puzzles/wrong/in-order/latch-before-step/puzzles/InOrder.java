package puzzles;

import java.util.concurrent.CountDownLatch;

// Wrong: each latch is counted down before the step runs, not after, so the next step may
// begin while this one is still running.
public final class InOrder {

    private final CountDownLatch firstDone = new CountDownLatch(1);
    private final CountDownLatch secondDone = new CountDownLatch(1);

    public void first(Runnable step) throws InterruptedException {
        firstDone.countDown();
        step.run();
    }

    public void second(Runnable step) throws InterruptedException {
        firstDone.await();
        secondDone.countDown();
        step.run();
    }

    public void third(Runnable step) throws InterruptedException {
        secondDone.await();
        step.run();
    }
}
