package puzzles;

// Wrong: notify() instead of notifyAll(). With second() and third() both waiting, first()
// wakes one of them; if it is third(), it waits again and second() is never woken.
public final class InOrder {

    private int done;

    public synchronized void first(Runnable step) throws InterruptedException {
        step.run();
        done = 1;
        notify();
    }

    public synchronized void second(Runnable step) throws InterruptedException {
        while (done < 1) {
            wait();
        }
        step.run();
        done = 2;
        notify();
    }

    public synchronized void third(Runnable step) throws InterruptedException {
        while (done < 2) {
            wait();
        }
        step.run();
    }
}
