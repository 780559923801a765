package puzzles;

// Wrong: dine() is synchronized, so the whole table serves one philosopher at a time. No
// deadlock, but never two eating at once.
public final class Philosophers {

    private final Fork[] forks;

    public Philosophers(Fork[] forks) {
        this.forks = forks;
    }

    public synchronized void dine(int seat, Runnable eat) throws InterruptedException {
        Fork left = forks[seat];
        Fork right = forks[(seat + 1) % forks.length];
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
    }
}
