package puzzles;

import java.util.concurrent.Semaphore;

// Wrong: the semaphores count places, but nobody waits for the molecule to be complete: two
// hydrogen atoms bond before any oxygen has come.
public final class Water {

    // The places in the molecule being built: two for hydrogen, one for oxygen.
    private final Semaphore hydrogenPlaces = new Semaphore(2);
    private final Semaphore oxygenPlaces = new Semaphore(1);

    public void hydrogen(Runnable bond) throws InterruptedException {
        join(hydrogenPlaces, bond);
    }

    public void oxygen(Runnable bond) throws InterruptedException {
        join(oxygenPlaces, bond);
    }

    private void join(Semaphore places, Runnable bond) throws InterruptedException {
        places.acquire();
        try {
            bond.run();
        } finally {
            places.release(); // only after the bond: the next atom of this kind joins the next molecule
        }
    }
}
