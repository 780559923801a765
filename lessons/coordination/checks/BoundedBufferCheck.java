package coordination.checks;

import coordination.BoundedBuffer;
import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.threadlings.checks.CheckReport;
import org.threadlings.checks.Inconclusive;
import org.threadlings.checks.Structure;
import org.threadlings.checks.Words;

/**
 * Exercise bounded-buffer: one lock, two Conditions. Blocking is observed from outside: a thread
 * that waits properly is parked on a Condition (its blocker is a ConditionObject). The schedule
 * is steered where it matters: consumers are made to wait first, then one item arrives; a thief
 * thread puts and takes back at once, so that a woken consumer finds the buffer empty again.
 */
class BoundedBufferCheck {

    /** How long a waiting thread may take to be woken; generous, since a correct one needs microseconds. */
    private static final long WAKE_MILLIS = 2_000;

    @Test
    @Order(1)
    @DisplayName("many producers and consumers: every item taken exactly once, none lost, none twice")
    void everyItemTakenOnce() {
        int producers = 3;
        int consumers = 3;
        int each = 3_000;
        int total = producers * each;
        BoundedBuffer<Integer> buffer = new BoundedBuffer<>(3);
        AtomicIntegerArray taken = new AtomicIntegerArray(total);
        AtomicInteger nulls = new AtomicInteger();
        AtomicInteger moved = new AtomicInteger();
        Crew crew = new Crew();
        for (int p = 0; p < producers; p++) {
            int first = p * each;
            crew.start("producer " + p, () -> {
                for (int i = 0; i < each; i++) {
                    buffer.put(first + i);
                }
            });
        }
        for (int c = 0; c < consumers; c++) {
            crew.start("consumer " + c, () -> {
                for (int i = 0; i < each; i++) {
                    Integer item = buffer.take();
                    if (item == null) {
                        nulls.incrementAndGet();
                    } else {
                        taken.incrementAndGet(item);
                    }
                    moved.incrementAndGet();
                }
            });
        }
        int[] last = {-1};
        long[] since = {System.nanoTime()};
        boolean finished = Crew.within(10_000, () -> {
            if (crew.allDone() || crew.firstCause() != null) {
                return true;
            }
            int now = moved.get();
            if (now != last[0]) {
                last[0] = now;
                since[0] = System.nanoTime();
            }
            return System.nanoTime() - since[0] > 3_000_000_000L;
        });
        crew.dismiss();
        crew.failIfAnyThrew(producers + " producers and " + consumers + " consumers shared a buffer of 3");
        if (!crew.allDone()) {
            List<String> stuck = crew.threads().stream().filter(Thread::isAlive)
                    .map(t -> "\"" + t.getName() + "\" at " + Crew.where(t)).toList();
            throw new AssertionFailedError(producers + " producers and " + consumers + " consumers moved "
                    + Words.count(moved.get()) + " of " + Words.count(total) + " items through a buffer of 3, then "
                    + (finished ? "nothing moved for 3 s" : "10 s were up") + ", with threads still waiting: "
                    + String.join(", ", stuck) + ". A wake-up was lost: after put() signal notEmpty, after take() "
                    + "signal notFull, every time.");
        }
        int lost = 0;
        int twice = 0;
        for (int i = 0; i < total; i++) {
            lost += taken.get(i) == 0 ? 1 : 0;
            twice += taken.get(i) > 1 ? 1 : 0;
        }
        if (lost > 0 || twice > 0 || nulls.get() > 0) {
            throw new AssertionFailedError("Of " + Words.count(total) + " items put, " + lost + " were never taken, "
                    + twice + " were taken more than once and take() returned null " + nulls.get() + " times. Change "
                    + "the buffer only with the lock held, and take only when it holds an item: wait in a while loop.");
        }
        CheckReport.note(Words.count(total) + " items through a buffer of 3, each taken once");
    }

    @Test
    @Order(2)
    @DisplayName("producers wait on notFull when the buffer is full, and it never holds more than its capacity")
    void producersBlockWhenFull() {
        int capacity = 4;
        BoundedBuffer<Integer> buffer = new BoundedBuffer<>(capacity);
        AtomicInteger returned = new AtomicInteger();
        Crew crew = new Crew();
        for (int p = 0; p < 3; p++) {
            int first = p * 3;
            crew.start("producer " + p, () -> {
                for (int i = 0; i < 3; i++) {
                    buffer.put(first + i);
                    returned.incrementAndGet();
                }
            });
        }
        boolean settled = Crew.within(WAKE_MILLIS, () -> crew.firstCause() != null || returned.get() > capacity
                || crew.allDone() || crew.threads().stream().allMatch(t -> !t.isAlive() || Crew.awaitingCondition(t))
                && returned.get() == capacity);
        try {
            crew.failIfAnyThrew("3 producers put 9 items into a buffer of " + capacity + " that nobody emptied");
            if (returned.get() > capacity || buffer.size() > capacity) {
                throw new AssertionFailedError("A buffer of capacity " + capacity + " that nobody emptied accepted "
                        + returned.get() + " puts (size() says " + buffer.size() + "). put() must wait while the "
                        + "buffer is full: while (count == items.length) notFull.await();");
            }
            List<String> notParked = crew.threads().stream().filter(t -> t.isAlive() && !Crew.awaitingCondition(t))
                    .map(t -> "\"" + t.getName() + "\" is " + t.getState() + " at " + Crew.where(t)).toList();
            if (!settled && !notParked.isEmpty()) {
                spinningOrInconclusive(crew, "producers", "a full buffer", "notFull");
            }
            CheckReport.note("a full buffer of " + capacity + ": the other producers waited on a Condition");
        } finally {
            crew.dismiss();
        }
    }

    @Test
    @Order(3)
    @DisplayName("consumers wait on notEmpty when the buffer is empty, without using the processor")
    void consumersBlockWhenEmpty() {
        BoundedBuffer<Integer> buffer = new BoundedBuffer<>(2);
        AtomicInteger returned = new AtomicInteger();
        Crew crew = new Crew();
        for (int c = 0; c < 3; c++) {
            crew.start("consumer " + c, () -> {
                buffer.take();
                returned.incrementAndGet();
            });
        }
        boolean settled = Crew.within(WAKE_MILLIS, () -> crew.firstCause() != null || returned.get() > 0
                || crew.threads().stream().allMatch(Crew::awaitingCondition));
        try {
            crew.failIfAnyThrew("3 consumers called take() on an empty buffer");
            if (returned.get() > 0) {
                throw new AssertionFailedError("take() on an empty buffer returned " + returned.get() + " times; it "
                        + "must wait until an item is there: while (count == 0) notEmpty.await();");
            }
            if (!settled) {
                spinningOrInconclusive(crew, "consumers", "an empty buffer", "notEmpty");
            }
            // Still parked a little later: nobody wakes up and goes back to sleep in a loop.
            long cpuBefore = crew.threads().stream().mapToLong(Crew::cpuNanos).sum();
            Crew.within(200, () -> false);
            long cpuAfter = crew.threads().stream().mapToLong(Crew::cpuNanos).sum();
            if (cpuBefore >= 0 && cpuAfter - cpuBefore > 50_000_000L) {
                throw new AssertionFailedError("3 consumers waiting on an empty buffer used "
                        + (cpuAfter - cpuBefore) / 1_000_000 + " ms of processor time in 200 ms: they wake and look "
                        + "again instead of sleeping until signalled. Use notEmpty.await(), which parks the thread.");
            }
        } finally {
            crew.dismiss();
        }
    }

    @Test
    @Order(4)
    @DisplayName("a put wakes a waiting consumer (consumers wait first; each put must wake one within 2 s)")
    void putWakesAConsumer() throws InterruptedException {
        BoundedBuffer<Integer> buffer = new BoundedBuffer<>(2);
        Queue got = new Queue();
        Crew crew = new Crew();
        for (int c = 0; c < 2; c++) {
            crew.start("consumer " + c, () -> got.add(buffer.take()));
        }
        try {
            waitUntilParked(crew, "consumers", "an empty buffer");
            ReentrantLock lock = lockOf(buffer);
            for (int item = 1; item <= 2; item++) {
                buffer.put(item);
                int want = item;
                boolean woken = Crew.within(WAKE_MILLIS, () -> got.size() >= want || crew.firstCause() != null
                        || crew.threads().stream().anyMatch(t -> t.isAlive() && !asleep(t, lock)));
                if (woken) {
                    Crew.within(10_000, () -> got.size() >= want || crew.firstCause() != null);
                }
                crew.failIfAnyThrew("2 consumers waited and items were put one at a time");
                if (got.size() < want) {
                    throw new AssertionFailedError("2 consumers waited on an empty buffer; put(" + item + ") returned, "
                            + "and " + Words.duration(java.time.Duration.ofMillis(WAKE_MILLIS)) + " later "
                            + (want == 1 ? "both consumers were" : "the other consumer was") + " still waiting, with "
                            + "the item in the buffer. Nobody told them: after inserting, put() must call "
                            + "notEmpty.signal() (the Condition consumers wait on, not notFull).");
                }
            }
        } finally {
            crew.dismiss();
        }
    }

    @Test
    @Order(5)
    @DisplayName("a take wakes a waiting producer (producers wait at a full buffer; each take must wake one within 2 s)")
    void takeWakesAProducer() throws InterruptedException {
        BoundedBuffer<Integer> buffer = new BoundedBuffer<>(2);
        buffer.put(-1);
        buffer.put(-2);
        AtomicInteger returned = new AtomicInteger();
        Crew crew = new Crew();
        for (int p = 0; p < 2; p++) {
            int item = p;
            crew.start("producer " + p, () -> {
                buffer.put(item);
                returned.incrementAndGet();
            });
        }
        try {
            waitUntilParked(crew, "producers", "a full buffer");
            ReentrantLock lock = lockOf(buffer);
            for (int k = 1; k <= 2; k++) {
                buffer.take();
                int want = k;
                boolean woken = Crew.within(WAKE_MILLIS, () -> returned.get() >= want || crew.firstCause() != null
                        || crew.threads().stream().anyMatch(t -> t.isAlive() && !asleep(t, lock)));
                if (woken) {
                    Crew.within(10_000, () -> returned.get() >= want || crew.firstCause() != null);
                }
                crew.failIfAnyThrew("2 producers waited at a full buffer and items were taken one at a time");
                if (returned.get() < want) {
                    throw new AssertionFailedError("2 producers waited at a full buffer of 2; take() made room, and "
                            + WAKE_MILLIS / 1000 + " s later " + (want == 1 ? "both producers were" : "the other "
                            + "producer was") + " still waiting, with a free place in the buffer. Nobody told them: "
                            + "after extracting, take() must call notFull.signal().");
                }
            }
        } finally {
            crew.dismiss();
        }
    }

    @Test
    @Order(6)
    @DisplayName("a woken consumer checks again: when another thread took the item first, it waits again (while, not if)")
    void rechecksAfterWaking() throws InterruptedException {
        int rounds = 20;
        int stolen = 0;
        for (int round = 0; round < rounds; round++) {
            BoundedBuffer<Integer> buffer = new BoundedBuffer<>(2);
            AtomicReference<Integer> waiterGot = new AtomicReference<>();
            AtomicReference<Integer> thiefGot = new AtomicReference<>();
            Crew crew = new Crew();
            Thread waiter = crew.start("waiting consumer", () -> waiterGot.set(buffer.take()));
            try {
                waitUntilParked(crew, "consumer", "an empty buffer");
                // The thief puts an item, which wakes the waiter, and takes it back before the waiter runs.
                Thread thief = crew.start("thief", () -> {
                    buffer.put(1);
                    thiefGot.set(buffer.take());
                });
                ReentrantLock lock = lockOf(buffer);
                // Settled: one of the two has its item, and the other sleeps on the Condition again,
                // not merely signalled and queued for the lock (that one has not looked yet).
                Crew.within(10_000, () -> crew.firstCause() != null || crew.allDone()
                        || (!thief.isAlive() || asleep(thief, lock)) && (!waiter.isAlive() || asleep(waiter, lock))
                        && !(thief.isAlive() && waiter.isAlive()));
                if (crew.firstCause() == null && !crew.allDone()) {
                    buffer.put(2);
                }
                Crew.within(10_000, () -> crew.allDone() || crew.firstCause() != null);
                boolean thiefFirst = Integer.valueOf(1).equals(thiefGot.get());
                if (crew.firstCause() != null || waiterGot.get() == null && !waiter.isAlive()
                        || thiefFirst && waiterGot.get() != null && waiterGot.get() != 2) {
                    String what = crew.firstCause() != null ? Crew.threw(crew.firstCause())
                            : "returned " + waiterGot.get();
                    throw new AssertionFailedError("A consumer waited on an empty buffer. Another thread put one item "
                            + "and took it straight back, before the woken consumer ran; the woken consumer then "
                            + "found the buffer empty again, and instead of waiting again it " + what + ". Being "
                            + "woken only means \"look again\": wait in while (count == 0), never in if.",
                            crew.firstCause());
                }
                if (!crew.allDone()) {
                    throw new AssertionFailedError("A consumer waited, another thread put an item and took it back, "
                            + "then one more item was put: the waiting consumer never got it in 10 s ("
                            + Crew.where(waiter) + "). After put(), signal notEmpty.");
                }
                stolen += thiefFirst ? 1 : 0;
            } finally {
                crew.dismiss();
            }
        }
        if (stolen == 0) {
            throw new Inconclusive("No verdict: in " + rounds + " rounds the woken consumer always ran before the "
                    + "other thread could take the item back, so a missing recheck could not show. Check again.");
        }
        CheckReport.note("in " + stolen + " of " + rounds + " rounds the woken consumer found the item gone and waited again");
    }

    @Test
    @Order(7)
    @DisplayName("built with the lock's Conditions (await), not a ready-made queue")
    void usesConditions() {
        Structure.of(BoundedBuffer.class)
                .mustNotUse("a ready-made blocking queue", List.of("java.util.concurrent.ArrayBlockingQueue",
                        "java.util.concurrent.LinkedBlockingQueue", "java.util.concurrent.BlockingQueue",
                        "java.util.concurrent.LinkedBlockingDeque", "java.util.concurrent.SynchronousQueue",
                        "java.util.concurrent.Semaphore"), "The point of this exercise is to build one: wait on "
                        + "the Conditions notFull and notEmpty of the lock you are given.")
                .mustCall("java.util.concurrent.locks.Condition", "await", "put() waits on notFull.await() and take() "
                        + "on notEmpty.await(), each in a while loop.");
    }

    /**
     * Parked on a Condition and not signalled: a signalled thread is moved to the lock's queue
     * and still looks parked until it gets a turn, so a slow machine cannot pass for a lost signal.
     */
    private static boolean asleep(Thread t, ReentrantLock lock) {
        return Crew.awaitingCondition(t) && (lock == null || !lock.hasQueuedThread(t));
    }

    /** The buffer's lock, read from its field, to ask who is queued for it; null if there is none. */
    private static ReentrantLock lockOf(BoundedBuffer<?> buffer) {
        for (Field field : BoundedBuffer.class.getDeclaredFields()) {
            if (ReentrantLock.class.isAssignableFrom(field.getType())) {
                try {
                    field.setAccessible(true);
                    return (ReentrantLock) field.get(buffer);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** Waits until every thread of the crew is parked on a Condition; fails or gives no verdict otherwise. */
    private static void waitUntilParked(Crew crew, String who, String buffer) {
        boolean parked = Crew.within(WAKE_MILLIS, () -> crew.firstCause() != null
                || crew.threads().stream().allMatch(Crew::awaitingCondition));
        crew.failIfAnyThrew("the " + who + " waited at " + buffer);
        if (!parked) {
            spinningOrInconclusive(crew, who, buffer, buffer.contains("full") ? "notFull" : "notEmpty");
        }
    }

    /**
     * Threads that should be parked on a Condition but are not, after 2 s: spinning (they burned
     * processor time), or waiting some other way, or not yet run at all (no verdict).
     */
    private static void spinningOrInconclusive(Crew crew, String who, String buffer, String condition) {
        List<Thread> off = crew.threads().stream().filter(t -> t.isAlive() && !Crew.awaitingCondition(t)).toList();
        long before = off.stream().mapToLong(Crew::cpuNanos).sum();
        Crew.within(200, () -> false);
        long used = off.stream().mapToLong(Crew::cpuNanos).sum() - before;
        String states = String.join(", ", off.stream()
                .map(t -> "\"" + t.getName() + "\" " + t.getState() + " at " + Crew.where(t)).toList());
        if (before >= 0 && used > 20_000_000L) {
            throw new AssertionFailedError("The " + who + " at " + buffer + " should sleep until signalled, but they "
                    + "kept running (" + states + "), using " + used / 1_000_000 + " ms of processor time in 200 ms: "
                    + "busy waiting. Call " + condition + ".await() in the loop; it parks the thread and lets go "
                    + "of the lock until a signal.");
        }
        if (off.stream().anyMatch(Crew::notRunning)) {
            throw new AssertionFailedError("The " + who + " at " + buffer + " should wait on the Condition "
                    + condition + ", but they wait some other way (" + states + "). Call " + condition
                    + ".await() with the lock held; sleeping and polling wakes late and wastes turns.");
        }
        throw new Inconclusive("No verdict: after 2 s the " + who + " at " + buffer + " were still not waiting ("
                + states + ") yet used little processor time; the machine gave them no turn. Check again.");
    }

    /** Items consumers got, in arrival order. */
    private static final class Queue {
        private final ConcurrentLinkedQueue<Object> items = new ConcurrentLinkedQueue<>();
        private final AtomicInteger size = new AtomicInteger();

        void add(Object item) {
            items.add(item == null ? "null" : item);
            size.incrementAndGet();
        }

        int size() {
            return size.get();
        }
    }
}
