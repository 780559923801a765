package threads;

import java.util.concurrent.BlockingQueue;

/*
 * Exercise stop-on-interrupt -- a worker that stops promptly when its thread is interrupted.
 *
 * A Worker takes jobs from its inbox, one at a time, and does each one step by step. Some steps
 * compute, some sleep, some wait. When the thread running the worker is interrupted, the
 * worker must stop within moments -- whatever it is doing at that instant:
 *
 *   - waiting in inbox.take() for a job: stop;
 *   - in the middle of a job (a step that sleeps or waits throws InterruptedException; a step
 *     that computes throws nothing, so check the thread's interrupt flag between steps): stop,
 *     and hand the unfinished job back with outbox.handedBack(job);
 *   - every job taken from the inbox is reported exactly once: outbox.finished(job) when all
 *     its steps are done, or outbox.handedBack(job) -- never both, never neither. Jobs still in
 *     the inbox are left there.
 *
 * When run() returns because of an interrupt, the thread's interrupt flag must be set, so that
 * whoever runs the worker can see why it ended. Catching InterruptedException clears the flag:
 * set it again with Thread.currentThread().interrupt().
 *
 * While the inbox is empty, the worker must block in take(), not spin.
 *
 * The version below swallows every interrupt and carries on: it never stops.
 *
 * Edit the body of run() (add private methods if you like). Keep Job, Outbox, the constructor
 * and the signatures as they are.
 *
 *   ./run.sh check stop-on-interrupt     grade it
 *   ./run.sh hint stop-on-interrupt      one hint at a time
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
                continue; // ignored: wait for the next job
            }
            for (int i = 0; i < job.steps(); i++) {
                try {
                    job.step(i);
                } catch (InterruptedException e) {
                    // ignored: carry on with the next step
                }
            }
            outbox.finished(job);
        }
    }
}
