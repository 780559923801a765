package puzzles;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Semaphore;

// Wrong: a barrier of 3 with no places counted: any three atoms bond together, three
// hydrogen atoms too.
public final class Water {

    // The places in the molecule being built: two for hydrogen, one for oxygen.
    private final Semaphore hydrogenPlaces = new Semaphore(2);
    private final Semaphore oxygenPlaces = new Semaphore(1);
    // The three atoms in those places wait here for each other; the barrier resets itself.
    private final CyclicBarrier molecule = new CyclicBarrier(3);

    public void hydrogen(Runnable bond) throws InterruptedException {
        join(hydrogenPlaces, bond);
    }

    public void oxygen(Runnable bond) throws InterruptedException {
        join(oxygenPlaces, bond);
    }

    private void join(Semaphore places, Runnable bond) throws InterruptedException {
        try {
            molecule.await();
            bond.run();
        } catch (BrokenBarrierException e) {
            throw new IllegalStateException("a molecule was broken off", e);
        }
    }
}
