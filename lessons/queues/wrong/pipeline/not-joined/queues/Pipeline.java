package queues;

// Wrong: run() returns as soon as the end markers are in the queue, without joining the
// consumers, which are still handling the last items.

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
        for (int c = 0; c < consumers; c++) {
            Thread.ofPlatform().name("consumer-" + c).start(() -> {
                try {
                    for (OptionalInt next = queue.take(); next.isPresent(); next = queue.take()) {
                        handler.accept(next.getAsInt());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        while (source.hasNext()) {
            queue.put(OptionalInt.of(source.next()));
        }
        for (int c = 0; c < consumers; c++) {
            queue.put(END);
        }
    }
}
