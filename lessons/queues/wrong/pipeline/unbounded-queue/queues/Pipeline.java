package queues;

// Wrong: the queue has no bound. With the consumers busy, put() never waits: the producer
// reads the whole source into memory (no back-pressure).

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.IntConsumer;

public final class Pipeline {

    private static final OptionalInt END = OptionalInt.empty();

    private Pipeline() {
    }

    public static void run(Iterator<Integer> source, int capacity, int consumers, IntConsumer handler)
            throws InterruptedException {
        BlockingQueue<OptionalInt> queue = new LinkedBlockingQueue<>();
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
            queue.put(OptionalInt.of(source.next()));
        }
        for (int c = 0; c < consumers; c++) {
            queue.put(END);
        }
        for (Thread worker : workers) {
            worker.join();
        }
    }
}
