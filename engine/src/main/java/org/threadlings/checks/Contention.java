package org.threadlings.checks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.opentest4j.AssertionFailedError;

/**
 * Runs one body on many threads at once, released together from a start gate so that they
 * really collide instead of finishing one by one while the next is still being created.
 * Exceptions in any thread fail the check with the thread's name and the frames that matter;
 * waiting goes through {@link Await}, so a deadlock is reported, not hung on.
 *
 * <pre>{@code
 * Contention.threads(10).run(i -> { for (int k = 0; k < 100_000; k++) counter.increment(); });
 * }</pre>
 */
public final class Contention {

    /** The work each thread does; {@code index} runs from 0 to threads - 1. */
    @FunctionalInterface
    public interface Body {
        void run(int index) throws Exception;
    }

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final int threads;
    private boolean virtual;
    private Duration timeout = DEFAULT_TIMEOUT;
    private String namePrefix = "contender-";
    private Progress progress;

    private Contention(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("need at least one thread, got " + threads);
        }
        this.threads = threads;
    }

    public static Contention threads(int count) {
        return new Contention(count);
    }

    /** Virtual threads instead of platform threads. */
    public Contention virtual() {
        this.virtual = true;
        return this;
    }

    /** How long to wait for all threads before failing with what they were doing. */
    public Contention timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    /** Thread names, shown in failure messages and deadlock reports: {@code worker-} gives worker-0… */
    public Contention named(String prefix) {
        this.namePrefix = prefix;
        return this;
    }

    /**
     * How to tell slow threads from stuck ones when the timeout runs out: with progress that is
     * still moving, the failure says "correct so far, but too slow" with the rate, not a hang.
     */
    public Contention progress(Progress progress) {
        this.progress = progress;
        return this;
    }

    /**
     * How a run went.
     *
     * @param elapsed from the opening of the gate to the last thread's finish
     * @param overlap the share of that time during which at least two threads were inside the
     *                body at once (0 to 1). Near 0, the threads ran one after another: the machine
     *                was too busy (or has one core) for this run to test anything concurrent.
     */
    public record Result(Duration elapsed, double overlap) {
    }

    /** Starts every thread, opens the gate, waits for all of them. */
    public Result run(Body body) {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch gate = new CountDownLatch(1);
        AtomicReference<Failure> firstFailure = new AtomicReference<>();
        List<Thread> started = new ArrayList<>(threads);
        long[] begins = new long[threads];
        long[] ends = new long[threads];
        for (int i = 0; i < threads; i++) {
            int index = i;
            Runnable task = () -> {
                ready.countDown();
                try {
                    gate.await();
                    begins[index] = System.nanoTime();
                    body.run(index);
                } catch (Throwable t) {
                    firstFailure.compareAndSet(null, new Failure(Thread.currentThread().getName(), t));
                } finally {
                    ends[index] = System.nanoTime();
                }
            };
            Thread.Builder builder = virtual ? Thread.ofVirtual() : Thread.ofPlatform().daemon(true);
            started.add(builder.name(namePrefix + i).start(task));
        }
        Await.latch(ready, timeout, "all " + threads + " threads to reach the start gate");
        long start = System.nanoTime();
        gate.countDown();
        Await.termination(timeout, progress, started.toArray(Thread[]::new));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        Failure failure = firstFailure.get();
        if (failure != null) {
            throw failure.asAssertion();
        }
        return new Result(elapsed, overlap(begins, ends)); // join() made the arrays' writes visible
    }

    /** The share of the time from first begin to last end during which two or more threads ran. */
    static double overlap(long[] begins, long[] ends) {
        int n = begins.length;
        long[][] events = new long[2 * n][];
        for (int i = 0; i < n; i++) {
            events[2 * i] = new long[] {begins[i], 1};
            events[2 * i + 1] = new long[] {ends[i], -1};
        }
        java.util.Arrays.sort(events, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        long together = 0;
        int running = 0;
        long previous = events[0][0];
        for (long[] event : events) {
            if (running >= 2) {
                together += event[0] - previous;
            }
            running += (int) event[1];
            previous = event[0];
        }
        long span = events[events.length - 1][0] - events[0][0];
        return span <= 0 ? 0 : (double) together / span;
    }

    private record Failure(String thread, Throwable cause) {
        AssertionFailedError asAssertion() {
            if (cause instanceof AssertionError assertion) {
                return new AssertionFailedError("in thread " + thread + ": " + assertion.getMessage(), assertion);
            }
            return new AssertionFailedError("thread " + thread + " " + Failures.threw(cause), cause);
        }
    }
}
