package queues;

// Wrong: a consumer takes an empty queue for the end of the stream. poll() returns null whenever
// the producer has not caught up, so consumers quit early and items are never handled.

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.IntConsumer;

public final class Pipeline {

    private Pipeline() {
    }

    public static void run(Iterator<Integer> source, int capacity, int consumers, IntConsumer handler)
            throws InterruptedException {
        BlockingQueue<Integer> queue = new ArrayBlockingQueue<>(capacity);
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            workers.add(Thread.ofPlatform().name("consumer-" + c).start(() -> {
                Integer next;
                while ((next = queue.poll()) != null) {
                    handler.accept(next);
                }
            }));
        }
        while (source.hasNext()) {
            queue.put(source.next());
        }
        for (Thread worker : workers) {
            worker.join();
        }
    }
}
