package visibility.examples;

/**
 * The stop flag, three times: a plain boolean asked to stop almost at once (the loop is still
 * interpreted), a plain boolean asked after the loop has run hot for a second (the JIT has
 * compiled it), and a volatile boolean asked after the same second. Each worker gets 3 seconds
 * to stop. A worker that never stops is a daemon thread: it spins until this program ends.
 */
public class StopFlagDemo {

    static final long PATIENCE_MILLIS = 3_000;

    /** A worker with a plain flag: nothing tells the JIT that another thread writes it. */
    static class PlainWorker {
        private boolean stop;

        long run() {
            long rounds = 0;
            while (!stop) {
                rounds++;
            }
            return rounds;
        }
    }

    /** The same worker with a volatile flag. */
    static class VolatileWorker {
        private volatile boolean stop;

        long run() {
            long rounds = 0;
            while (!stop) {
                rounds++;
            }
            return rounds;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("Each worker loops on `while (!stop) rounds++;` until another");
        System.out.println("thread sets stop. Each gets " + PATIENCE_MILLIS / 1000 + " s to stop after the request.");
        System.out.println();

        PlainWorker cold = new PlainWorker();
        report("plain flag, stop after 1 ms:", 1, cold::run, () -> cold.stop = true);

        PlainWorker hot = new PlainWorker();
        report("plain flag, stop after 1 s:", 1_000, hot::run, () -> hot.stop = true);

        VolatileWorker safe = new VolatileWorker();
        report("volatile flag, stop after 1 s:", 1_000, safe::run, () -> safe.stop = true);

        System.out.println();
        System.out.println("After 1 ms the loop still runs in the interpreter, which reads the");
        System.out.println("field on every turn. After 1 s the JIT has compiled it, and for a");
        System.out.println("plain field the compiled loop reads it once, before the loop. That");
        System.out.println("is why the bug hides in short tests.");
    }

    interface Loop {
        long run();
    }

    static void report(String label, long warmUpMillis, Loop loop, Runnable requestStop) throws InterruptedException {
        long[] rounds = {-1};
        Thread worker = new Thread(() -> rounds[0] = loop.run(), "worker");
        worker.setDaemon(true);
        worker.start();
        Thread.sleep(warmUpMillis);
        requestStop.run();
        long asked = System.nanoTime();
        worker.join(PATIENCE_MILLIS);
        double waitedMillis = (System.nanoTime() - asked) / 1e6;
        if (worker.isAlive()) {
            System.out.printf("%-31s still running after %d s%n", label, PATIENCE_MILLIS / 1000);
        } else {
            // join() returned, so the worker's write of rounds[0] is visible here
            System.out.printf("%-31s stopped %.1f ms later, %,d rounds%n", label, waitedMillis, rounds[0]);
        }
    }
}
