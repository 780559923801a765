package queues;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.IntConsumer;

/*
 * Exercise pipeline -- one producer, several consumers, a bounded queue between them.
 *
 * Reference solution. The calling thread is the producer; each consumer takes until it meets
 * the end marker. One marker per consumer, put after the last item: the queue is FIFO, so every
 * item is taken before any consumer can see a marker, and each consumer sees exactly one.
 */
public final class Pipeline {

    /**
     * The end marker. Items are ints and any int may be an item, so the marker cannot be one:
     * an empty OptionalInt is a value no item ever takes.
     */
    private static final OptionalInt END = OptionalInt.empty();

    private Pipeline() {
    }

    public static void run(Iterator<Integer> source, int capacity, int consumers, IntConsumer handler)
            throws InterruptedException {
        BlockingQueue<OptionalInt> queue = new ArrayBlockingQueue<>(capacity);
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            workers.add(Thread.ofPlatform().name("consumer-" + c).start(() -> {
                try {
                    for (OptionalInt next = queue.take(); next.isPresent(); next = queue.take()) {
                        handler.accept(next.getAsInt());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        boolean produced = false;
        try {
            while (source.hasNext()) {
                queue.put(OptionalInt.of(source.next())); // waits while the queue is full
            }
            for (int c = 0; c < consumers; c++) {
                queue.put(END);
            }
            produced = true;
        } finally {
            if (!produced) {
                // No end markers will come: stop the consumers rather than leave them waiting.
                workers.forEach(Thread::interrupt);
            }
        }
        for (Thread worker : workers) {
            worker.join();
        }
    }
}
