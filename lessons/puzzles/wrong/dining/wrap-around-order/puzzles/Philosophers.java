package puzzles;

// Wrong: "first the fork at my seat, then the next one" looks like an order, but for
// seat 4 the next one is fork 0: it is left then right for everyone, and the ring can close.
public final class Philosophers {

    private final Fork[] forks;

    public Philosophers(Fork[] forks) {
        this.forks = forks;
    }

    public void dine(int seat, Runnable eat) throws InterruptedException {
        Fork first = forks[seat];
        Fork second = forks[(seat + 1) % forks.length];
        first.lock();
        try {
            second.lock();
            try {
                eat.run();
            } finally {
                second.unlock();
            }
        } finally {
            first.unlock();
        }
    }
}
