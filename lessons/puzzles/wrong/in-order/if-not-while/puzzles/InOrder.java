package puzzles;

// Wrong: if instead of while around wait(). notifyAll() after first's step wakes third() too,
// and third() runs without looking again whether second is done.
public final class InOrder {

    private int done;

    public synchronized void first(Runnable step) throws InterruptedException {
        step.run();
        done = 1;
        notifyAll();
    }

    public synchronized void second(Runnable step) throws InterruptedException {
        if (done < 1) {
            wait();
        }
        step.run();
        done = 2;
        notifyAll();
    }

    public synchronized void third(Runnable step) throws InterruptedException {
        if (done < 2) {
            wait();
        }
        step.run();
    }
}
