package puzzles.examples;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Five philosophers, five forks. Round 1: everyone picks up the left fork, then the right, with
 * a slow hand (0.1 ms between the two). The JVM's ThreadMXBean finds the deadlock and the program
 * prints the ring. Round 2: the same table, the lower-numbered fork first. The philosophers are
 * daemon threads, so the program ends although round 1's never will.
 */
public class NaiveTable {

    static final int SEATS = 5;
    static final int MEALS = 2_000;

    /** A fork is a lock with a number, so that the ring can be printed with names. */
    static final class Fork extends ReentrantLock {
        final int number;

        Fork(int number) {
            this.number = number;
        }

        Thread holder() {
            return getOwner();
        }

        @Override
        public String toString() {
            return "fork " + number;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("Five philosophers, " + String.format(Locale.ROOT, "%,d", MEALS) + " meals each;");
        System.out.println("0.1 ms between picking up the first fork and the second.");
        System.out.println();
        System.out.println("Round 1: left fork first, then the right.");
        run(false);
        System.out.println();
        System.out.println("Round 2: the lower-numbered fork first (philosopher 4 takes fork 0 first).");
        run(true);
    }

    static void run(boolean ordered) throws InterruptedException {
        Fork[] forks = new Fork[SEATS];
        Arrays.setAll(forks, Fork::new);
        AtomicIntegerArray meals = new AtomicIntegerArray(SEATS);
        AtomicInteger eating = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        Thread[] philosophers = new Thread[SEATS];
        long start = System.nanoTime();
        for (int s = 0; s < SEATS; s++) {
            int seat = s;
            Fork left = forks[seat];
            Fork right = forks[(seat + 1) % SEATS];
            Fork first = ordered && right.number < left.number ? right : left;
            Fork second = first == left ? right : left;
            philosophers[s] = Thread.ofPlatform().daemon(true).name("philosopher " + seat).start(() -> {
                for (int m = 0; m < MEALS; m++) {
                    first.lock();
                    try {
                        LockSupport.parkNanos(100_000); // a slow hand
                        second.lock();
                        try {
                            peak.accumulateAndGet(eating.incrementAndGet(), Math::max);
                            LockSupport.parkNanos(20_000); // eat
                            eating.decrementAndGet();
                            meals.incrementAndGet(seat);
                        } finally {
                            second.unlock();
                        }
                    } finally {
                        first.unlock();
                    }
                }
            });
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        while (Arrays.stream(philosophers).anyMatch(Thread::isAlive)) {
            Thread.sleep(50);
            long[] stuck = mx.findDeadlockedThreads();
            if (stuck != null && Arrays.stream(philosophers).anyMatch(p -> contains(stuck, p.threadId()))) {
                int total = 0;
                for (int s = 0; s < SEATS; s++) {
                    total += meals.get(s);
                }
                System.out.printf(Locale.ROOT, "Deadlock after %.2f s and %,d meals. findDeadlockedThreads() names"
                        + " %d threads:%n", (System.nanoTime() - start) / 1e9, total, stuck.length);
                for (int s = 0; s < SEATS; s++) {
                    Fork held = holdsOf(forks, philosophers[s]);
                    Fork wanted = forks[(s + 1) % SEATS] == held ? forks[s] : forks[(s + 1) % SEATS];
                    System.out.println("  philosopher " + s + " holds " + held + ", waits for " + wanted
                            + " (held by " + wanted.holder().getName() + ")");
                }
                System.out.println("A ring: nobody puts a fork down, so nobody eats again.");
                return;
            }
        }
        int[] tally = new int[SEATS];
        Arrays.setAll(tally, meals::get);
        System.out.printf(Locale.ROOT, "All %,d meals in %.2f s, no deadlock. At most %d ate at once.%n",
                Arrays.stream(tally).sum(), (System.nanoTime() - start) / 1e9, peak.get());
        System.out.println("Meals per philosopher: " + Arrays.toString(tally));
    }

    static boolean contains(long[] ids, long id) {
        return Arrays.stream(ids).anyMatch(x -> x == id);
    }

    static Fork holdsOf(Fork[] forks, Thread t) {
        return Arrays.stream(forks).filter(f -> f.holder() == t).findFirst().orElse(null);
    }
}
