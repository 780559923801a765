package org.threadlings.grading.child;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.threadlings.grading.protocol.ChildEvent;

/**
 * Where the grading JVM's parts report events. It holds no secret and writes nothing itself: it
 * hands each event to the {@link SealedWriter}'s thread and waits until the line is written, so
 * that nothing is lost when the JVM is halted a moment later.
 *
 * <p>Student code can reach some sinks (the uncaught-exception handler is public), so a sink
 * carries a pass that tells the writer which events it may send; the pass of the sink that may
 * send results is known only to objects that student code cannot reach.
 */
final class EventSink {

    /** How long a report may wait for the writer; past this the writer is stuck and the event is lost. */
    private static final long WRITE_WAIT_MILLIS = 2_000;

    /** One event on its way to the writer; {@code from} is the pass of the sink that sent it. */
    record Posted(ChildEvent event, Object from, CountDownLatch written) {
    }

    private final BlockingQueue<Object> queue;
    private final Object pass;

    EventSink(BlockingQueue<Object> queue, Object pass) {
        this.queue = queue;
        this.pass = pass;
    }

    void emit(ChildEvent event) {
        Posted posted = new Posted(event, pass, new CountDownLatch(1));
        queue.add(posted);
        try {
            posted.written().await(WRITE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
