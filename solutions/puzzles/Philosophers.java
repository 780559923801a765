package puzzles;

/*
 * Exercise dining, part 1 of 2 -- five philosophers, five forks, no deadlock.
 *
 * Philosophers sit round a table with one fork between each two neighbours: philosopher `seat`
 * has fork `seat` on the left and fork `(seat + 1) % n` on the right. To eat, a philosopher
 * needs both. Each philosopher is a thread that calls dine(seat, eat) again and again; dine()
 * must pick up both forks, run `eat` exactly once while holding them, and put them down.
 * Right now every philosopher picks up the left fork, then the right: when all five hold their
 * left fork at once, each waits for ever for the right one, held by its neighbour.
 *
 * What to do: make dine() unable to deadlock, without making the table eat one at a time
 * (two philosophers who are not neighbours must be able to eat together) and without starving
 * anyone. Pick your way: pick up the lower-numbered fork first; or let at most n - 1
 * philosophers reach for forks at once (a Semaphore); or tryLock() the second fork with a
 * timeout, and if it does not come, put the first one down, back off a random moment, and try
 * again.
 *
 * Edit dine() only, and add the fields you need. Fork.java, the other file, is given.
 *
 *   ./run.sh check dining     grade it
 *   ./run.sh hint dining      one hint at a time
 */
public final class Philosophers {

    private final Fork[] forks;

    public Philosophers(Fork[] forks) {
        this.forks = forks;
    }

    /** Philosopher {@code seat} eats once, with both of its forks in hand. */
    public void dine(int seat, Runnable eat) throws InterruptedException {
        Fork left = forks[seat];
        Fork right = forks[(seat + 1) % forks.length];
        // One order for everybody: the lower-numbered fork first. The last philosopher reaches
        // for its right fork (fork 0) first, so five can never each hold one and wait in a ring.
        Fork first = left.number() < right.number() ? left : right;
        Fork second = first == left ? right : left;
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
