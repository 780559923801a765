package threads.examples;

import java.util.concurrent.CountDownLatch;

/**
 * Walks one thread through every Thread.State and prints what getState() really returns at
 * each point, with what put the thread there.
 */
public class Lifecycle {

    static final Object LOCK = new Object();
    static final CountDownLatch SPINNING = new CountDownLatch(1);
    static volatile boolean spin = true;

    public static void main(String[] args) throws InterruptedException {
        Thread worker = new Thread(Lifecycle::work, "worker");
        show(worker, "created with new Thread(...), not started yet");

        synchronized (LOCK) { // main holds the lock before the worker asks for it
            worker.start();
            SPINNING.await();
            show(worker, "after start(): running its loop");

            spin = false; // the worker now leaves its loop and tries to enter synchronized (LOCK)
            waitFor(worker, Thread.State.BLOCKED);
            show(worker, "wants the lock main holds (synchronized)");

            // Leaving this block releases the lock; the worker takes it and calls LOCK.wait().
        }
        waitFor(worker, Thread.State.WAITING);
        show(worker, "in LOCK.wait(), no time-out: waits for notify()");

        synchronized (LOCK) {
            LOCK.notify(); // the worker wakes, then sleeps for a second
        }
        waitFor(worker, Thread.State.TIMED_WAITING);
        show(worker, "in Thread.sleep(1000): wakes by itself");

        worker.join(); // main is WAITING for the worker here, the worker sleeps on
        show(worker, "run() returned; join() in main returned too");
    }

    static void work() {
        SPINNING.countDown();
        long turns = 0;
        while (spin) {
            turns++; // busy: RUNNABLE, whether or not a core is running it at this instant
        }
        synchronized (LOCK) {
            try {
                LOCK.wait();
            } catch (InterruptedException e) {
                return;
            }
        }
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void show(Thread t, String why) {
        System.out.printf("%-14s %s%n", t.getState(), why);
    }

    /** States change when the other thread gets there: look until it has. */
    static void waitFor(Thread t, Thread.State state) throws InterruptedException {
        while (t.getState() != state) {
            Thread.sleep(1);
        }
    }
}
