package locks.examples;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A read-mostly map: four readers and one writer that changes an entry every millisecond. Guarded
 * once by one ReentrantLock, once by a ReentrantReadWriteLock, with short reads (one get) and long
 * reads (summing all 20,000 entries). Prints the reads per second and the most readers that were
 * inside at the same moment: with one lock never more than one, with a read lock as many as ran.
 */
public class ReadWriteDemo {

    static final int READERS = 4;
    static final int ENTRIES = 20_000;
    static final long RUN_NANOS = 500_000_000L;

    public static void main(String[] args) throws Exception {
        System.out.println(READERS + " readers, 1 writer (one put per ms), a map of "
                + String.format(Locale.ROOT, "%,d", ENTRIES) + " entries, 0.5 s each:");
        System.out.println();
        System.out.println("reads  lock              reads/s      most readers inside at once");
        for (boolean longReads : new boolean[] {false, true}) {
            for (boolean readWrite : new boolean[] {false, true}) {
                run(longReads, readWrite);
            }
        }
    }

    static void run(boolean longReads, boolean readWrite) throws InterruptedException {
        Map<Integer, Long> map = new HashMap<>();
        for (int i = 0; i < ENTRIES; i++) {
            map.put(i, (long) i);
        }
        ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
        ReentrantLock one = new ReentrantLock();
        Lock readLock = readWrite ? rw.readLock() : one;
        Lock writeLock = readWrite ? rw.writeLock() : one;
        LongAdder reads = new LongAdder();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        long end = System.nanoTime() + RUN_NANOS;
        CountDownLatch done = new CountDownLatch(READERS + 1);
        long[] sink = new long[READERS];
        for (int r = 0; r < READERS; r++) {
            int me = r;
            start(() -> {
                int key = me;
                while (System.nanoTime() < end) {
                    readLock.lock();
                    try {
                        peak.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        if (longReads) {
                            long sum = 0;
                            for (long v : map.values()) {
                                sum += v;
                            }
                            sink[me] += sum;
                        } else {
                            sink[me] += map.get(key);
                            key = (key + 7) % ENTRIES;
                        }
                        inside.decrementAndGet();
                    } finally {
                        readLock.unlock();
                    }
                    reads.increment();
                }
                done.countDown();
            });
        }
        start(() -> {
            int key = 0;
            while (System.nanoTime() < end) {
                writeLock.lock();
                try {
                    map.put(key, map.get(key) + 1);
                } finally {
                    writeLock.unlock();
                }
                key = (key + 1) % ENTRIES;
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    break;
                }
            }
            done.countDown();
        });
        done.await();
        System.out.printf(Locale.ROOT, "%-6s %-16s %,11d      %d%n", longReads ? "long" : "short",
                readWrite ? "read-write lock" : "one lock", (long) (reads.sum() * 1e9 / RUN_NANOS), peak.get());
    }

    static void start(Runnable body) {
        Thread thread = new Thread(body);
        thread.setDaemon(true);
        thread.start();
    }
}
