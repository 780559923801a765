package queues;

// Wrong: one consumer thread, whatever `consumers` says. Correct results, but the items are
// handled one at a time.

import java.util.Iterator;
import java.util.OptionalInt;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.IntConsumer;

public final class Pipeline {

    private static final OptionalInt END = OptionalInt.empty();

    private Pipeline() {
    }

    public static void run(Iterator<Integer> source, int capacity, int consumers, IntConsumer handler)
            throws InterruptedException {
        BlockingQueue<OptionalInt> queue = new ArrayBlockingQueue<>(capacity);
        Thread worker = Thread.ofPlatform().name("consumer").start(() -> {
            try {
                for (OptionalInt next = queue.take(); next.isPresent(); next = queue.take()) {
                    handler.accept(next.getAsInt());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        while (source.hasNext()) {
            queue.put(OptionalInt.of(source.next()));
        }
        queue.put(END);
        worker.join();
    }
}
