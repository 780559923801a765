package puzzles;

// Wrong: everyone picks up the left fork, then the right (the starter). Five left forks in
// five hands is a ring of waiting.
public final class Philosophers {

    private final Fork[] forks;

    public Philosophers(Fork[] forks) {
        this.forks = forks;
    }

    /** Philosopher {@code seat} eats once, with both of its forks in hand. */
    public void dine(int seat, Runnable eat) throws InterruptedException {
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
