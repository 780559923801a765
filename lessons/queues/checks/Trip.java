package queues.checks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import queues.Pipeline;

/**
 * One call of {@code Pipeline.run}, watched from outside. The check owns both ends: the source
 * counts the items pulled and knows the producer's thread, the handler counts each item handled
 * and who handled it. What lies between (queue, threads, end markers) is the student's, and is
 * judged by what goes in and what comes out: pulled minus handled is what the pipeline holds.
 *
 * <p>The call runs on a daemon thread of the check, so a pipeline that never returns is reported,
 * not waited for: a stall is declared when nothing moved for {@link #STALL_MILLIS}.
 */
final class Trip {

    /** Nothing pulled nor handled for this long: stuck. Generous: a working pipeline moves every millisecond. */
    static final long STALL_MILLIS = 3_000;
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    /** Called before each item is pulled from the source, with its index; may pause the producer. */
    interface BeforePull {
        void at(int index);
    }

    /** Called inside the handler, with the handler's count of calls on this thread so far. */
    interface InHandler {
        void at(int callsOnThisThread);
    }

    final int[] items;
    final int capacity;
    final int consumers;
    private final Map<Integer, Integer> indexOf = new HashMap<>();
    private final AtomicIntegerArray handledTimes;
    private final AtomicInteger pulled = new AtomicInteger();
    private final AtomicInteger handled = new AtomicInteger();
    private final AtomicInteger strangers = new AtomicInteger();
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger peakInside = new AtomicInteger();
    private final Map<Thread, AtomicInteger> handlers = new ConcurrentHashMap<>();
    private final AtomicReference<Thread> producer = new AtomicReference<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean returned;
    private volatile BeforePull beforePull = i -> { };
    private volatile InHandler inHandler = n -> { };
    private Set<Thread> before;
    private Thread caller;

    Trip(int[] items, int capacity, int consumers) {
        this.items = items.clone();
        this.capacity = capacity;
        this.consumers = consumers;
        for (int i = 0; i < items.length; i++) {
            indexOf.put(items[i], i);
        }
        handledTimes = new AtomicIntegerArray(items.length);
    }

    Trip beforePull(BeforePull hook) {
        this.beforePull = hook;
        return this;
    }

    Trip inHandler(InHandler hook) {
        this.inHandler = hook;
        return this;
    }

    /** Calls Pipeline.run on a thread of the check's own and returns at once. */
    Trip start() {
        before = Set.copyOf(Thread.getAllStackTraces().keySet());
        Iterator<Integer> source = new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < items.length;
            }

            @Override
            public Integer next() {
                if (next >= items.length) {
                    throw new NoSuchElementException("the source has no item left: ask hasNext() first");
                }
                producer.set(Thread.currentThread());
                beforePull.at(next);
                pulled.incrementAndGet();
                return items[next++];
            }
        };
        IntConsumer handler = value -> {
            AtomicInteger mine = handlers.computeIfAbsent(Thread.currentThread(), t -> new AtomicInteger());
            int now = inside.incrementAndGet();
            peakInside.accumulateAndGet(now, Math::max);
            try {
                inHandler.at(mine.incrementAndGet());
                Integer index = indexOf.get(value);
                if (index == null) {
                    strangers.incrementAndGet();
                } else {
                    handledTimes.incrementAndGet(index);
                }
                handled.incrementAndGet();
            } finally {
                inside.decrementAndGet();
            }
        };
        caller = Thread.ofPlatform().daemon(true).name("check: calls run()").start(() -> {
            try {
                Pipeline.run(source, capacity, consumers, handler);
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                returned = true;
            }
        });
        return this;
    }

    /**
     * Waits until run() returns, or nothing has moved for {@link #STALL_MILLIS}, or {@code limit}
     * is up. True if it returned.
     */
    boolean awaitReturn(long limitMillis) {
        long[] last = {-1, System.nanoTime()};
        return within(limitMillis, () -> {
            if (returned) {
                return true;
            }
            long now = (long) pulled.get() << 32 | handled.get();
            if (now != last[0]) {
                last[0] = now;
                last[1] = System.nanoTime();
            }
            return System.nanoTime() - last[1] > STALL_MILLIS * 1_000_000;
        }) && returned;
    }

    boolean returned() {
        return returned;
    }

    Throwable failure() {
        return failure.get();
    }

    int pulled() {
        return pulled.get();
    }

    int handled() {
        return handled.get();
    }

    int strangers() {
        return strangers.get();
    }

    int peakInside() {
        return peakInside.get();
    }

    Thread producer() {
        return producer.get();
    }

    Thread caller() {
        return caller;
    }

    /** Threads that ran the handler, the calling thread included if it did. */
    Set<Thread> handlerThreads() {
        return Set.copyOf(handlers.keySet());
    }

    /** Items never handled, as values. */
    List<Integer> lost() {
        List<Integer> lost = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            if (handledTimes.get(i) == 0) {
                lost.add(items[i]);
            }
        }
        return lost;
    }

    /** Items handled more than once, as values. */
    List<Integer> twice() {
        List<Integer> twice = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            if (handledTimes.get(i) > 1) {
                twice.add(items[i]);
            }
        }
        return twice;
    }

    /**
     * Threads the student's code started that are still alive: platform threads that were not
     * there before the call (JVM housekeeping excluded), and every thread that ran the handler.
     */
    List<Thread> stillAlive() {
        List<Thread> alive = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t) && t != caller && t.isAlive() && !housekeeping(t)) {
                alive.add(t);
            }
        }
        for (Thread t : handlers.keySet()) {
            if (t != caller && t.isAlive() && !alive.contains(t)) {
                alive.add(t);
            }
        }
        return alive;
    }

    /** Processor time used so far by the threads the student's code started, in nanoseconds. */
    long cpuOfStudentThreads() {
        return stillAlive().stream().mapToLong(t -> MX.getThreadCpuTime(t.threadId())).filter(n -> n > 0).sum();
    }

    /** Ends the trip: interrupts what is left, so a failed check leaves as little running as it can. */
    void dismiss() {
        List<Thread> left = stillAlive();
        left.forEach(Thread::interrupt);
        if (caller != null) {
            caller.interrupt();
        }
        within(1_000, () -> left.stream().noneMatch(Thread::isAlive));
    }

    /** "\"consumer-1\" WAITING at Pipeline.run:48, ..." for the threads given. */
    static String describe(List<Thread> threads) {
        return threads.stream().map(t -> "\"" + t.getName() + "\" " + t.getState() + " " + where(t))
                .collect(Collectors.joining(", "));
    }

    /** Where in the student's code a thread is: "at Pipeline.lambda$run$0:41", or what it waits in. */
    static String where(Thread t) {
        StackTraceElement[] stack = t.getStackTrace();
        for (int i = 0; i < stack.length; i++) {
            StackTraceElement f = stack[i];
            if (f.getClassName().startsWith("queues.") && !f.getClassName().startsWith("queues.checks.")) {
                // The frame above the student's is the library method it called: take, put, join...
                String called = i > 0 && stack[i - 1].getClassName().startsWith("java.")
                        ? " (in " + simple(stack[i - 1].getClassName()) + "." + stack[i - 1].getMethodName() + ")"
                        : "";
                return "at " + simple(f.getClassName()) + "." + f.getMethodName() + ":" + f.getLineNumber() + called;
            }
        }
        return "outside your code";
    }

    /** A thread parked, waiting or blocked, not running. */
    static boolean resting(Thread t) {
        Thread.State s = t.getState();
        return s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || s == Thread.State.BLOCKED;
    }

    static long cpuNanos(Thread t) {
        return MX.isThreadCpuTimeSupported() ? MX.getThreadCpuTime(t.threadId()) : -1;
    }

    /** Looks every millisecond until {@code condition} holds or {@code millis} have passed. */
    static boolean within(long millis, BooleanSupplier condition) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                return condition.getAsBoolean();
            }
            LockSupport.parkNanos(1_000_000);
        }
        return true;
    }

    /** JVM threads that may appear at any time (attach listener, cleaners): not the student's. */
    private static boolean housekeeping(Thread t) {
        ThreadGroup group = t.getThreadGroup();
        return group == null || "system".equals(group.getName()) || group.getName().startsWith("Innocuous");
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
