package puzzles.examples;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Exchanger;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The same ping-pong, 5,000 rounds, with five hand-offs: wait/notifyAll on a turn flag, a
 * Condition on a turn flag, two Semaphores, an Exchanger passing the ball, and a volatile flag
 * that both sides spin on. Prints the time per hand-off and the processor time used per second
 * of wall time (2.0 on two busy cores), median of 3 runs each. The spinners give up after 1 s,
 * since on a busy machine a spinning thread may wait a whole time slice for its partner.
 */
public class HandOffs {

    static final int ROUNDS = 5_000;

    /** One ping-pong: ping() on one thread and pong() on another, each ROUNDS times. */
    interface Game {
        void ping() throws InterruptedException;

        void pong() throws InterruptedException;

        /** Whether the game was given up before all its rounds (only the spinners give up). */
        default boolean abandoned() {
            return false;
        }
    }

    static final class Monitor implements Game {
        private boolean pingsTurn = true;

        public synchronized void ping() throws InterruptedException {
            while (!pingsTurn) {
                wait();
            }
            pingsTurn = false;
            notifyAll();
        }

        public synchronized void pong() throws InterruptedException {
            while (pingsTurn) {
                wait();
            }
            pingsTurn = true;
            notifyAll();
        }
    }

    static final class Conditions implements Game {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition turnChanged = lock.newCondition();
        private boolean pingsTurn = true;

        public void ping() throws InterruptedException {
            take(true);
        }

        public void pong() throws InterruptedException {
            take(false);
        }

        private void take(boolean ping) throws InterruptedException {
            lock.lock();
            try {
                while (pingsTurn != ping) {
                    turnChanged.await();
                }
                pingsTurn = !ping;
                turnChanged.signal(); // one waiter, the other side: signal() is enough here
            } finally {
                lock.unlock();
            }
        }
    }

    static final class Semaphores implements Game {
        private final Semaphore pingsTurn = new Semaphore(1);
        private final Semaphore pongsTurn = new Semaphore(0);

        public void ping() throws InterruptedException {
            pingsTurn.acquire();
            pongsTurn.release();
        }

        public void pong() throws InterruptedException {
            pongsTurn.acquire();
            pingsTurn.release();
        }
    }

    static final class Exchanged implements Game {
        private final Exchanger<String> table = new Exchanger<>();

        public void ping() throws InterruptedException {
            table.exchange("ball"); // both meet here: ping's hit is over, pong's may begin
        }

        public void pong() throws InterruptedException {
            table.exchange("ball");
        }
    }

    static final class Spinning implements Game {
        private final long deadline = System.nanoTime() + 1_000_000_000L;
        private volatile boolean pingsTurn = true;
        private volatile boolean abandoned;

        public void ping() {
            while (!pingsTurn && !abandoned) {
                Thread.onSpinWait();
                if (System.nanoTime() - deadline > 0) {
                    abandoned = true;
                }
            }
            pingsTurn = false;
        }

        public void pong() {
            while (pingsTurn && !abandoned) {
                Thread.onSpinWait();
            }
            pingsTurn = true;
        }

        @Override
        public boolean abandoned() {
            return abandoned;
        }
    }

    public static void main(String[] args) throws Exception {
        System.out.println("Ping-pong, " + String.format(Locale.ROOT, "%,d", ROUNDS) + " rounds; "
                + Runtime.getRuntime().availableProcessors() + " processors. Median of 3 runs.");
        System.out.println();
        System.out.println("hand-off                      per hand-off   processor time / wall time");
        report("synchronized + wait/notifyAll", Monitor::new);
        report("Lock + Condition", Conditions::new);
        report("two Semaphores", Semaphores::new);
        report("Exchanger", Exchanged::new);
        report("volatile flag, spinning", Spinning::new);
    }

    interface Maker {
        Game make();
    }

    static void report(String name, Maker maker) throws Exception {
        play(maker.make()); // warm-up
        double[] nanos = new double[3];
        double[] cpu = new double[3];
        for (int r = 0; r < 3; r++) {
            double[] one = play(maker.make());
            nanos[r] = one[0];
            cpu[r] = one[1];
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%-30s %8.2f us   %10.2f%n", name, nanos[1] / 1_000, cpu[1]);
    }

    /** Time per hand-off in nanoseconds, and processor time over wall time. */
    static double[] play(Game game) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        Thread pong = Thread.ofPlatform().start(() -> {
            try {
                for (int i = 0; i < ROUNDS && !game.abandoned(); i++) {
                    game.pong();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        int rounds = 0;
        while (rounds < ROUNDS && !game.abandoned()) {
            game.ping();
            rounds++;
        }
        pong.join();
        long wall = System.nanoTime() - start;
        long cpu = os.getProcessCpuTime() - cpuBefore;
        return new double[] {(double) wall / (2.0 * rounds), (double) cpu / wall};
    }
}
