package puzzles;

// Wrong: tryLock() on the right fork, but its answer is ignored: when the neighbour has it,
// the philosopher eats with one fork.
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
            boolean gotRight = right.tryLock();
            try {
                eat.run();
            } finally {
                if (gotRight) {
                    right.unlock();
                }
            }
        } finally {
            left.unlock();
        }
    }
}
