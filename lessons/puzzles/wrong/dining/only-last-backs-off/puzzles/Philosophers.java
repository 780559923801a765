package puzzles;

// Wrong: only the last philosopher is polite. It breaks the ring (it never waits for its second
// fork while holding the first), but when fork 0 is busy it puts fork 4 down and sleeps 10 ms,
// while its neighbours wait in line with lock(). By the time it wakes they have eaten again;
// it seldom finds both forks free, and starves while the table eats.
public final class Philosophers {

    private final Fork[] forks;

    public Philosophers(Fork[] forks) {
        this.forks = forks;
    }

    public void dine(int seat, Runnable eat) throws InterruptedException {
        Fork left = forks[seat];
        Fork right = forks[(seat + 1) % forks.length];
        if (seat < forks.length - 1) {
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
            return;
        }
        while (true) {
            left.lock();
            try {
                if (right.tryLock()) {
                    try {
                        eat.run();
                        return;
                    } finally {
                        right.unlock();
                    }
                }
            } finally {
                left.unlock();
            }
            Thread.sleep(10);
        }
    }
}
