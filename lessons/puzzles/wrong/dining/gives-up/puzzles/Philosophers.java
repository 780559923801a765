package puzzles;

// Wrong: when a fork is busy, the philosopher gives up this meal and returns hungry.
public final class Philosophers {

    private final Fork[] forks;

    public Philosophers(Fork[] forks) {
        this.forks = forks;
    }

    public void dine(int seat, Runnable eat) throws InterruptedException {
        Fork left = forks[seat];
        Fork right = forks[(seat + 1) % forks.length];
        if (left.tryLock()) {
            try {
                if (right.tryLock()) {
                    try {
                        eat.run();
                    } finally {
                        right.unlock();
                    }
                }
            } finally {
                left.unlock();
            }
        }
    }
}
