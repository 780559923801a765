package puzzles;

import java.util.concurrent.Semaphore;

// Wrong: a butler who lets n philosophers reach for forks at once; it must be n - 1, or all
// five can still hold their left fork together.
public final class Philosophers {

    private final Fork[] forks;
    private final Semaphore butler = new Semaphore(5);

    public Philosophers(Fork[] forks) {
        this.forks = forks;
    }

    public void dine(int seat, Runnable eat) throws InterruptedException {
        Fork left = forks[seat];
        Fork right = forks[(seat + 1) % forks.length];
        butler.acquire();
        try {
            left.lock();
            try {
                right.lock();
                try {
                    eat.run();
                } finally {
                    right.unlock();
                }
            } finally {
                left.unlock();
            }
        } finally {
            butler.release();
        }
    }
}
