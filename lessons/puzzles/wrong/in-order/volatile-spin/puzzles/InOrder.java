package puzzles;

// Wrong: waits by spinning on a volatile counter. The order comes out right, but the waiting
// threads burn the processor the thread they wait for needs.
public final class InOrder {

    private volatile int done;

    public void first(Runnable step) throws InterruptedException {
        step.run();
        done = 1;
    }

    public void second(Runnable step) throws InterruptedException {
        while (done < 1) {
            // spin until first is done
        }
        step.run();
        done = 2;
    }

    public void third(Runnable step) throws InterruptedException {
        while (done < 2) {
            // spin until second is done
        }
        step.run();
    }
}
