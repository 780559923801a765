package org.threadlings.grading.child;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import org.threadlings.sandbox.ParentBond;

/**
 * Ties this JVM to the runner that started it (see {@link ParentBond}) off the start-up path:
 * linking the native call costs a noticeable part of a second in a cold JVM, which is better
 * spent while the JUnit Platform warms up. The thread then lives as long as the JVM, because
 * the kernel keeps a parent-death request with the thread that made it and forgets it when that
 * thread ends. An interrupt does not end it.
 */
final class RunnerBond extends Thread {

    private final CountDownLatch tied = new CountDownLatch(1);

    RunnerBond() {
        super("threadlings-runner-bond");
        setDaemon(true);
    }

    @Override
    public void run() {
        if (!ParentBond.tieToRunner()) {
            Runtime.getRuntime().halt(ParentWatch.EXIT_PARENT_GONE); // the runner ended before the tie
        }
        tied.countDown();
        while (true) {
            LockSupport.park(this);
        }
    }

    /** Waits until the tie is made, so that no process of the run starts before this JVM adopts orphans. */
    void awaitTied() throws InterruptedException {
        tied.await();
    }
}
