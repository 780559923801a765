package puzzles;

// Wrong: tries for the right fork again and again without ever putting the left one down.
// Once all five hold their left fork, they all spin for ever.
public final class Philosophers {

    private final Fork[] forks;

    public Philosophers(Fork[] forks) {
        this.forks = forks;
    }

    public void dine(int seat, Runnable eat) throws InterruptedException {
        Fork left = forks[seat];
        Fork right = forks[(seat + 1) % forks.length];
        left.lock();
        try {
            while (!right.tryLock()) {
                Thread.onSpinWait();
            }
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
