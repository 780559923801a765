package queues.examples;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A fast producer and a slow consumer, twice: through a bounded queue of 1,000 and through an
 * unbounded one. The producer makes 100,000 items of 1 KB as fast as it can; the consumer spends
 * about 20 microseconds on each. Bounded, the producer is held back by put() and the queue never
 * holds more than its capacity; unbounded, the items pile up and take the heap with them.
 */
public class BackPressure {

    private static final int ITEMS = 100_000;
    private static final int PAYLOAD = 1_024;
    /** Marks the end of the stream: compared by identity, so no real item can look like it. */
    private static final byte[] END = new byte[0];

    public static void main(String[] args) throws InterruptedException {
        System.out.println(Runtime.getRuntime().availableProcessors() + " processors; " + ITEMS / 1000
                + ",000 items of 1 KB, a consumer spending ~20 us on each");
        System.out.println();
        System.out.printf("%-28s %12s %14s %10s%n", "queue", "peak length", "live heap MB", "time s");
        run("ArrayBlockingQueue(1000)", new ArrayBlockingQueue<>(1_000));
        run("LinkedBlockingQueue()", new LinkedBlockingQueue<>());
        run("LinkedBlockingQueue(1000)", new LinkedBlockingQueue<>(1_000));
        System.out.println();
        System.out.println("The slow consumer sets the pace: a longer queue does not finish sooner.");
        System.out.println("Only a bounded queue stops the producer from running ahead, so the heap");
        System.out.println("stays small.");
        System.out.println("(live heap: measured after a forced collection every 20,000 items; those\n"
                + "collections are part of the time, and cost more with a big backlog)");
    }

    private static void run(String name, BlockingQueue<byte[]> queue) throws InterruptedException {
        System.gc();
        long baseline = used();
        Thread consumer = Thread.ofPlatform().name("consumer").start(() -> {
            try {
                long sink = 0;
                for (byte[] item = queue.take(); item != END; item = queue.take()) {
                    sink += work(item);
                }
                if (sink == 42) {
                    System.out.print("");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long start = System.nanoTime();
        int peakLength = 0;
        long peakHeap = 0;
        for (int i = 0; i < ITEMS; i++) {
            byte[] item = new byte[PAYLOAD];
            item[0] = (byte) i;
            queue.put(item); // waits while a bounded queue is full: the back-pressure
            if (i % 500 == 0) {
                peakLength = Math.max(peakLength, queue.size());
            }
            if (i % 20_000 == 10_000) {
                // Live data only: collect the items already consumed, then look at what is left.
                System.gc();
                peakHeap = Math.max(peakHeap, used() - baseline);
            }
        }
        queue.put(END);
        consumer.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-28s %,12d %14.1f %10.2f%n", name, peakLength, peakHeap / 1e6, seconds);
    }

    /** About 20 microseconds of arithmetic over the item, which the JIT cannot skip. */
    private static long work(byte[] item) {
        long h = item[0];
        for (int k = 0; k < 6_000; k++) {
            h = h * 31 + (k ^ item[k % item.length]);
        }
        return h;
    }

    private static long used() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
