package queues.checks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.threadlings.checks.CheckReport;
import org.threadlings.checks.Inconclusive;
import org.threadlings.checks.Words;

/**
 * Exercise pipeline: one producer, N consumers, a bounded queue, end markers. Every check calls
 * {@code Pipeline.run} through a {@link Trip}, which owns the source and the handler and so sees
 * what went in, what came out, and which threads did the work, whatever the student built between.
 */
class PipelineCheck {

    @Test
    @Order(1)
    @DisplayName("each of 3,000 items handled exactly once, then run() returns")
    void everyItemOnce() {
        int[] items = shuffled(distinctPositive(3_000, 11), 12);
        // The producer pauses now and then, so the queue runs empty at times; the handler takes a
        // little time, so the queue is full at others.
        Trip trip = new Trip(items, 8, 4)
                .beforePull(i -> {
                    if (i % 100 == 99) {
                        LockSupport.parkNanos(1_000_000);
                    }
                })
                .inHandler(n -> LockSupport.parkNanos(20_000))
                .start();
        try {
            finish(trip, "3,000 items went through a queue of 8 to 4 consumers");
            expectEachOnce(trip, "3,000 items, 4 consumers, a queue of 8");
            CheckReport.note("3,000 items through 4 consumers and a queue of 8, each handled once, by "
                    + Words.plural(trip.handlerThreads().size(), "thread", "threads"));
        } finally {
            trip.dismiss();
        }
    }

    @Test
    @Order(2)
    @DisplayName("any int is an item: 0, -1, MIN_VALUE and MAX_VALUE are handled too")
    void anyIntIsAnItem() {
        int[] corners = {0, -1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE, -2, 42, 999, 1_000_000, Integer.MIN_VALUE + 1,
                Integer.MAX_VALUE - 1, -999};
        Set<Integer> values = new LinkedHashSet<>();
        for (int corner : corners) {
            values.add(corner);
        }
        SplittableRandom random = new SplittableRandom(21);
        while (values.size() < 600) {
            values.add(random.nextInt(-2_000_000_000, 2_000_000_000));
        }
        int[] items = values.stream().mapToInt(Integer::intValue).toArray();
        items = shuffled(items, 22);
        Trip trip = new Trip(items, 4, 3).start();
        try {
            finish(trip, "600 items, some of them 0, -1, Integer.MIN_VALUE and Integer.MAX_VALUE, went to 3 consumers");
            List<Integer> lost = trip.lost();
            if (!lost.isEmpty()) {
                List<Integer> lostCorners = lost.stream().filter(v -> contains(corners, v)).toList();
                boolean markerLike = !lostCorners.isEmpty() && lost.size() <= 3;
                throw new AssertionFailedError("Of 600 items, " + Words.plural(lost.size(), "was", "were")
                        + " never handled: " + sample(lost) + ". " + (markerLike
                        ? (lost.size() == 1 ? "That is a value" : "Those are values") + " a program might pick "
                        + "as an end marker: a consumer that meets one thinks "
                        + "the stream has ended and stops. Any int can be an item here, so no int can be the marker. "
                        + "Mark the end with something that is not an item: a queue of OptionalInt with "
                        + "OptionalInt.empty() as the marker, or a dedicated object compared with =="
                        : "Every item must reach the queue (put(), not offer(), which drops an item when the queue "
                        + "is full) and consumers must go on until their end marker") + ".");
            }
            expectEachOnce(trip, "600 items, 3 consumers, a queue of 4");
        } finally {
            trip.dismiss();
        }
    }

    @Test
    @Order(3)
    @DisplayName("3 consumer threads of their own, handling items at the same time")
    void consumersRunTogether() {
        int consumers = 3;
        CountDownLatch allInside = new CountDownLatch(consumers);
        // Each consumer's first item waits (up to 3 s, once) until all three are inside the
        // handler together: proof without a clock that they run at once.
        Trip trip = new Trip(distinctPositive(90, 31), 4, consumers)
                .inHandler(n -> {
                    if (n == 1) {
                        allInside.countDown();
                        try {
                            allInside.await(3, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                })
                .start();
        try {
            finish(trip, "90 items went to 3 consumers");
            Set<Thread> who = trip.handlerThreads();
            if (who.contains(trip.caller())) {
                throw new AssertionFailedError("Items were handled on the thread that called run() (" + who.size()
                        + " thread" + (who.size() == 1 ? "" : "s") + " in all). The caller is the producer: start "
                        + consumers + " consumer threads that take from the queue and call the handler, and let the "
                        + "calling thread only put.");
            }
            if (who.size() != consumers) {
                throw new AssertionFailedError("run(source, 4, " + consumers + ", handler) handled items on "
                        + Words.plural(who.size(), "thread", "threads") + " (" + names(who) + "); expected exactly "
                        + consumers + " consumer threads, one per consumer asked for. Start `consumers` threads, "
                        + "each taking from the same queue until it meets an end marker.");
            }
            if (trip.peakInside() < consumers) {
                throw new AssertionFailedError("The " + consumers + " consumer threads never handled items at the same "
                        + "time: at most " + trip.peakInside() + " were inside the handler at once, though each "
                        + "one's first item waited up to 3 s for the others. Start every consumer before you wait "
                        + "for any of them, and let each take from the queue on its own.");
            }
            expectEachOnce(trip, "90 items, 3 consumers, a queue of 4");
            CheckReport.note(consumers + " consumer threads were inside the handler at once: " + names(who));
        } finally {
            trip.dismiss();
        }
    }

    @Test
    @Order(4)
    @DisplayName("run() returns only after every consumer thread has ended")
    void returnsAfterConsumersEnd() {
        // A slow handler: when the producer has put its last item, consumers still have work.
        Trip trip = new Trip(distinctPositive(200, 41), 16, 4)
                .inHandler(n -> LockSupport.parkNanos(2_000_000))
                .start();
        try {
            if (!trip.awaitReturn(20_000)) {
                notReturned(trip, "200 items went to 4 consumers, each item taking about 2 ms to handle");
            }
            int handledAtReturn = trip.handled();
            String aliveAtReturn = Trip.describe(trip.stillAlive());
            failIfThrew(trip, "200 items went to 4 consumers");
            if (handledAtReturn < 200) {
                throw new AssertionFailedError("run() returned when only " + handledAtReturn + " of 200 items had "
                        + "been handled; consumer threads were still at work (" + aliveAtReturn
                        + "). Whoever calls run() expects the work done when it returns: after putting the end "
                        + "markers, join() every consumer thread.");
            }
            // A thread that has just run its last line may take a moment to be reported as ended.
            Trip.within(1_000, () -> trip.stillAlive().isEmpty());
            List<Thread> left = trip.stillAlive();
            if (!left.isEmpty()) {
                throw new AssertionFailedError("run() returned with every item handled, but left "
                        + Words.plural(left.size(), "thread", "threads") + " running: " + Trip.describe(left)
                        + ". Every consumer must end (its end marker) and be joined before run() returns; a pool "
                        + "must be shut down and awaited.");
            }
            expectEachOnce(trip, "200 items, 4 consumers, a queue of 16");
            CheckReport.note("run() returned with all 200 items handled and no thread left");
        } finally {
            trip.dismiss();
        }
    }

    @Test
    @Order(5)
    @DisplayName("idle consumers sleep: no processor time while the queue is empty")
    void consumersSleepWhenIdle() {
        CountDownLatch resume = new CountDownLatch(1);
        int pause = 30;
        Trip trip = new Trip(distinctPositive(60, 51), 4, 3)
                .beforePull(i -> {
                    if (i == pause) {
                        try {
                            resume.await(20, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                })
                .start();
        try {
            // The producer now waits for the check: the queue drains and the consumers have nothing to do.
            boolean drained = Trip.within(5_000, () -> trip.handled() >= pause || trip.returned());
            failIfThrew(trip, "a producer paused after 30 items");
            if (!drained) {
                notReturned(trip, "a producer paused after 30 of 60 items");
            }
            Trip.within(100, () -> false);
            List<Thread> waiting = trip.stillAlive();
            long before = waiting.stream().mapToLong(Trip::cpuNanos).sum();
            // Parked consumers use no processor time at all; spinning ones use whatever they are
            // given, which on a busy machine may be little, hence the low bar and the long look.
            Trip.within(500, () -> false);
            long used = waiting.stream().mapToLong(Trip::cpuNanos).sum() - before;
            if (used > 20_000_000L) {
                throw new AssertionFailedError("While the producer had nothing to give, your "
                        + Words.plural(waiting.size(), "thread", "threads") + " used " + used / 1_000_000 + " ms of "
                        + "processor time in 500 ms (" + Trip.describe(waiting) + "): they keep looking at an empty "
                        + "queue instead of sleeping. Use a BlockingQueue and take(), which parks the consumer until "
                        + "an item arrives.");
            }
            resume.countDown();
            finish(trip, "60 items went to 3 consumers, with a pause after 30");
            expectEachOnce(trip, "60 items with a pause, 3 consumers, a queue of 4");
            CheckReport.note("3 idle consumers used " + used / 1_000_000 + " ms of processor time in 500 ms");
        } finally {
            resume.countDown();
            trip.dismiss();
        }
    }

    @Test
    @Order(6)
    @DisplayName("back-pressure: the producer waits at a full queue of 5")
    void producerBlocksWhenFull() {
        int capacity = 5;
        int consumers = 3;
        int total = 2_000;
        int bound = capacity + consumers + 1;
        CountDownLatch open = new CountDownLatch(1);
        // Consumers are held inside the handler, each with one item, until the check opens the gate.
        Trip trip = new Trip(distinctPositive(total, 61), capacity, consumers)
                .inHandler(n -> {
                    try {
                        open.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })
                .start();
        try {
            // Settled: the producer is waiting (not running) and has pulled nothing for 300 ms.
            int[] last = {-1};
            long[] since = {System.nanoTime()};
            boolean settled = Trip.within(8_000, () -> {
                if (trip.pulled() > bound || trip.returned()) {
                    return true;
                }
                Thread producer = trip.producer();
                if (trip.pulled() != last[0] || producer == null || !Trip.resting(producer)) {
                    last[0] = trip.pulled();
                    since[0] = System.nanoTime();
                }
                return System.nanoTime() - since[0] > 300_000_000L;
            });
            failIfThrew(trip, "consumers were busy and the producer kept putting");
            int pulled = trip.pulled();
            if (pulled > bound) {
                Trip.within(200, () -> false);
                int held = trip.pulled() - consumers;
                throw new AssertionFailedError("With all " + consumers + " consumers busy, the producer went on "
                        + "taking items from the source: " + Words.count(trip.pulled()) + " of " + Words.count(total)
                        + " (a queue of " + capacity + " plus one item per consumer and one in the producer's hand "
                        + "allow " + bound + "), so the queue held about " + Words.count(held) + " items. Nothing held "
                        + "the producer back: create the queue with its capacity, new ArrayBlockingQueue<>(capacity) "
                        + "or new LinkedBlockingQueue<>(capacity), and add with put(), which waits while it is full.");
            }
            if (!settled) {
                Thread producer = trip.producer();
                if (producer != null && producer.isAlive()) {
                    long before = Trip.cpuNanos(producer);
                    int pulledBefore = trip.pulled();
                    Trip.within(300, () -> false);
                    long used = Trip.cpuNanos(producer) - before;
                    // Running without pulling an item: a parked producer would use nothing.
                    if (before >= 0 && used > 10_000_000L && trip.pulled() == pulledBefore) {
                        throw new AssertionFailedError("With all " + consumers + " consumers busy and the queue full, "
                                + "the producer kept running (" + Trip.describe(List.of(producer)) + "), using "
                                + used / 1_000_000 + " ms of processor time in 300 ms: busy waiting for room. put() on "
                                + "a BlockingQueue parks the producer until a consumer takes an item.");
                    }
                }
                throw new Inconclusive("No verdict: in 8 s the producer neither filled the queue of " + capacity
                        + " nor settled down (" + trip.pulled() + " items pulled); the machine may have given it no "
                        + "turn. Check again.");
            }
            open.countDown();
            finish(trip, "consumers were held, then released");
            expectEachOnce(trip, "2,000 items, 3 consumers held at first, a queue of 5");
            CheckReport.note("with every consumer busy the producer stopped after " + pulled + " items (queue " + capacity
                    + " + " + consumers + " in consumers' hands + 1 in its own)");
        } finally {
            open.countDown();
            trip.dismiss();
        }
    }

    // ---- shared verdicts ----

    /** Waits for run() to return; fails with what the threads are doing if it does not. */
    private static void finish(Trip trip, String what) {
        boolean returned = trip.awaitReturn(20_000);
        failIfThrew(trip, what);
        if (!returned) {
            notReturned(trip, what);
        }
    }

    private static void failIfThrew(Trip trip, String what) {
        Throwable e = trip.failure();
        if (e != null) {
            StackTraceElement at = java.util.Arrays.stream(e.getStackTrace())
                    .filter(f -> f.getClassName().startsWith("queues.") && !f.getClassName().startsWith("queues.checks."))
                    .findFirst().orElse(null);
            throw new AssertionFailedError(what + ", and run() threw " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")
                    + (at == null ? "" : " at " + at.getFileName() + ":" + at.getLineNumber()) + ". Let run() end "
                    + "normally once every item is handled.", e);
        }
    }

    /** run() has not returned and nothing moves: say who waits where, and the likely cause. */
    private static void notReturned(Trip trip, String what) {
        int total = trip.items.length;
        List<Thread> alive = trip.stillAlive();
        List<Thread> consumersLeft = new ArrayList<>(alive);
        consumersLeft.remove(trip.producer());
        String threads = (alive.isEmpty() ? "no thread of yours is alive" : "threads still waiting: "
                + Trip.describe(alive)) + "; the producer (the thread that called run()) is "
                + (trip.caller().isAlive() ? trip.caller().getState() + " " + Trip.where(trip.caller()) : "done");
        String cause;
        if (trip.handled() >= total) {
            cause = "Every item was handled, so the consumers left are waiting for items that will never come. "
                    + "Each consumer stops at the first end marker it takes, so " + trip.consumers + " consumers need "
                    + trip.consumers + " markers (or a consumer that meets the marker puts it back for the next).";
        } else if (trip.pulled() < total && consumersLeft.isEmpty()) {
            cause = "The producer waits for room in a full queue, but no consumer is left to take: they ended "
                    + "early. A consumer must stop only at the end marker; an empty queue (poll() returning null) "
                    + "only means the producer has not caught up yet. Take with take(), which waits.";
        } else {
            cause = "Look at where each thread waits: every consumer must take until its end marker, and the "
                    + "producer must put one marker per consumer after the last item.";
        }
        String verdict = what + ". Then nothing moved for " + Trip.STALL_MILLIS / 1000 + " s and run() did not return: "
                + Words.count(trip.pulled()) + " of " + Words.count(total) + " items taken from the source, "
                + Words.count(trip.handled()) + " handled; " + threads + ". " + cause;
        trip.dismiss();
        throw new AssertionFailedError(verdict);
    }

    private static void expectEachOnce(Trip trip, String what) {
        List<Integer> lost = trip.lost();
        List<Integer> twice = trip.twice();
        if (!lost.isEmpty() || !twice.isEmpty() || trip.strangers() > 0) {
            throw new AssertionFailedError(what + ": " + Words.plural(lost.size(), "item", "items") + " never handled"
                    + (lost.isEmpty() ? "" : " (" + sample(lost) + ")") + ", " + Words.count(twice.size())
                    + " handled more than once" + (twice.isEmpty() ? "" : " (" + sample(twice) + ")") + ", and "
                    + Words.plural(trip.strangers(), "value", "values") + " handled that were never in the source. " + (lost.isEmpty() ? "Each item must go to exactly one consumer: take() removes "
                    + "it from the queue as it hands it over, while peek() then poll() lets two consumers see the "
                    + "same one." : "An item is lost when it never reaches the queue (offer() returns false on a full "
                    + "queue, and the item is gone: use put(), which waits) or when a consumer stops before the "
                    + "queue is empty of items."));
        }
    }

    // ---- data ----

    /** n distinct positive ints, spread out, from a fixed seed. */
    private static int[] distinctPositive(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<Integer> seen = new LinkedHashSet<>();
        while (seen.size() < n) {
            seen.add(random.nextInt(2, 2_000_000_000));
        }
        return seen.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] shuffled(int[] items, long seed) {
        int[] copy = items.clone();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = copy.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = copy[i];
            copy[i] = copy[j];
            copy[j] = t;
        }
        return copy;
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    private static String sample(List<Integer> values) {
        String shown = values.stream().limit(5).map(String::valueOf).collect(Collectors.joining(", "));
        return values.size() > 5 ? shown + ", ..." : shown;
    }

    private static String names(Set<Thread> threads) {
        return threads.stream().map(t -> "\"" + t.getName() + "\"").sorted().collect(Collectors.joining(", "));
    }
}
