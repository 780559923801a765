package puzzles;

// Wrong: orders the steps by sleeping. second() sleeps 10 ms and third() 20 ms, guessing that
// first() will have finished by then; a first() that comes later breaks the guess.
public final class InOrder {

    public void first(Runnable step) throws InterruptedException {
        step.run();
    }

    public void second(Runnable step) throws InterruptedException {
        Thread.sleep(10);
        step.run();
    }

    public void third(Runnable step) throws InterruptedException {
        Thread.sleep(20);
        step.run();
    }
}
