package queues;

// Wrong: the producer adds with offer() and ignores its result. On a full queue offer() returns
// false at once and the item is dropped.

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
        while (source.hasNext()) {
            queue.offer(OptionalInt.of(source.next()));
        }
        for (int c = 0; c < consumers; c++) {
            queue.put(END);
        }
        for (Thread worker : workers) {
            worker.join();
        }
    }
}
