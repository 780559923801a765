package threads;

import java.util.concurrent.BlockingQueue;

/*
 * Known-wrong answer to stop-on-interrupt: tests the flag between steps with Thread.interrupted(),
 * which clears it, and does not set it again when it hands a job back.
 */
public final class Worker implements Runnable {

    /** A job, done in steps. A step may compute, sleep or wait; only the last two can be interrupted. */
    public interface Job {
        int steps();

        void step(int index) throws InterruptedException;
    }

    /** Where the worker reports every job it took from the inbox: exactly one call per job. */
    public interface Outbox {
        /** Every step of the job is done. */
        void finished(Job job);

        /** The job was interrupted before its last step; someone else may do it again. */
        void handedBack(Job job);
    }

    private final BlockingQueue<Job> inbox;
    private final Outbox outbox;

    public Worker(BlockingQueue<Job> inbox, Outbox outbox) {
        this.inbox = inbox;
        this.outbox = outbox;
    }

    @Override
    public void run() {
        while (true) {
            Job job;
            try {
                job = inbox.take();
            } catch (InterruptedException e) {
                // take() cleared the flag when it threw: set it again for whoever runs us.
                Thread.currentThread().interrupt();
                return;
            }
            if (!work(job)) {
                outbox.handedBack(job);
                return;
            }
            outbox.finished(job);
        }
    }

    /** Does the job's steps; false if interrupted before the last one was done. */
    private static boolean work(Job job) {
        for (int i = 0; i < job.steps(); i++) {
            // A step that computes never throws InterruptedException: look at the flag.
            if (Thread.interrupted()) {
                return false;
            }
            try {
                job.step(i);
            } catch (InterruptedException e) {
                return false;
            }
        }
        return true;
    }
}
