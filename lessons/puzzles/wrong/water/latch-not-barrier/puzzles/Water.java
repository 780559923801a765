package puzzles;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;

// Wrong: a CountDownLatch instead of a CyclicBarrier. The first molecule waits properly, but
// the latch never closes again: from the second molecule on, nobody waits for anybody.
public final class Water {

    // The places in the molecule being built: two for hydrogen, one for oxygen.
    private final Semaphore hydrogenPlaces = new Semaphore(2);
    private final Semaphore oxygenPlaces = new Semaphore(1);
    // The three atoms wait here for each other.
    private final CountDownLatch molecule = new CountDownLatch(3);

    public void hydrogen(Runnable bond) throws InterruptedException {
        join(hydrogenPlaces, bond);
    }

    public void oxygen(Runnable bond) throws InterruptedException {
        join(oxygenPlaces, bond);
    }

    private void join(Semaphore places, Runnable bond) throws InterruptedException {
        places.acquire();
        try {
            molecule.countDown();
            molecule.await();
            bond.run();
        } finally {
            places.release(); // only after the bond: the next atom of this kind joins the next molecule
        }
    }
}
