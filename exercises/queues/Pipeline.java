package queues;

import java.util.Iterator;
import java.util.function.IntConsumer;

/*
 * Exercise pipeline -- one producer, several consumers, a bounded queue between them.
 *
 * run() must move every item of `source` to `handler`, through a queue that holds at most
 * `capacity` items, handled by `consumers` threads at once. Right now the calling thread handles
 * every item itself: correct, but nothing runs in parallel and there is no queue at all.
 *
 * What to do:
 *   - create a BlockingQueue that holds at most `capacity` items;
 *   - start `consumers` threads; each takes items from the queue with take() and passes each
 *     one to handler.accept(...), until it takes an end marker, then ends;
 *   - the calling thread is the producer: it puts every item of `source` with put(), which
 *     waits while the queue is full, then puts one end marker per consumer;
 *   - return only when every consumer thread has ended (join them).
 * Any int can be an item, 0, -1 and Integer.MIN_VALUE included: the end marker must be
 * something no item can be equal to.
 *
 * Edit the body of run() (and add fields or helpers to this class if you like). Keep the
 * signature of run().
 *
 *   ./run.sh check pipeline     grade it
 *   ./run.sh hint pipeline      one hint at a time
 */
public final class Pipeline {

    private Pipeline() {
    }

    public static void run(Iterator<Integer> source, int capacity, int consumers, IntConsumer handler)
            throws InterruptedException {
        while (source.hasNext()) {
            handler.accept(source.next());
        }
    }
}
