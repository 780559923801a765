package queues;

// Wrong: the end marker is the int -1, compared by value. An item -1 from the source looks like
// the marker: the consumer that takes it stops, and the item is never handled.

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.IntConsumer;

public final class Pipeline {

    private static final int POISON = -1;

    private Pipeline() {
    }

    public static void run(Iterator<Integer> source, int capacity, int consumers, IntConsumer handler)
            throws InterruptedException {
        BlockingQueue<Integer> queue = new ArrayBlockingQueue<>(capacity);
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            workers.add(Thread.ofPlatform().name("consumer-" + c).start(() -> {
                try {
                    while (true) {
                        int next = queue.take();
                        if (next == POISON) {
                            return;
                        }
                        handler.accept(next);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        while (source.hasNext()) {
            queue.put(source.next());
        }
        for (int c = 0; c < consumers; c++) {
            queue.put(POISON);
        }
        for (Thread worker : workers) {
            worker.join();
        }
    }
}
