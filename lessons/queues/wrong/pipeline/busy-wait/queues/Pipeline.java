package queues;

// Wrong: a LinkedList guarded by synchronized, with spin loops instead of waiting. The producer
// spins while the list is full and the consumers spin while it is empty, burning the processor.

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntConsumer;

public final class Pipeline {

    private static final OptionalInt END = OptionalInt.empty();

    private Pipeline() {
    }

    public static void run(Iterator<Integer> source, int capacity, int consumers, IntConsumer handler)
            throws InterruptedException {
        LinkedList<OptionalInt> queue = new LinkedList<>();
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            workers.add(Thread.ofPlatform().name("consumer-" + c).start(() -> {
                while (true) {
                    OptionalInt next;
                    synchronized (queue) {
                        if (queue.isEmpty()) {
                            continue;
                        }
                        next = queue.removeFirst();
                    }
                    if (next.isEmpty()) {
                        return;
                    }
                    handler.accept(next.getAsInt());
                }
            }));
        }
        while (source.hasNext()) {
            add(queue, OptionalInt.of(source.next()), capacity);
        }
        for (int c = 0; c < consumers; c++) {
            add(queue, END, capacity);
        }
        for (Thread worker : workers) {
            worker.join();
        }
    }

    private static void add(LinkedList<OptionalInt> queue, OptionalInt item, int capacity) {
        while (true) {
            synchronized (queue) {
                if (queue.size() < capacity) {
                    queue.addLast(item);
                    return;
                }
            }
        }
    }
}
