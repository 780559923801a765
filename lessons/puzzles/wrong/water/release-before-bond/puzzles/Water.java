package puzzles;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Semaphore;

// Wrong: the place is given back before the bond, so an atom of the next molecule can bond
// between the bonds of this one.
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
        places.acquire();
        try {
            molecule.await();
            places.release(); // too early: the next molecule's atom may bond before this one does
            bond.run();
        } catch (BrokenBarrierException e) {
            throw new IllegalStateException("a molecule was broken off", e);
        }
    }
}
