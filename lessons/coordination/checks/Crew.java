package coordination.checks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.opentest4j.AssertionFailedError;

/**
 * Named daemon threads that a check starts and then watches from outside: what each is doing
 * (running, parked on a Condition, blocked on a lock), how much processor time it used, and
 * the first exception any of them threw. Daemon threads, so a student's hang never outlives the
 * check; the checks still wait for their threads with a bound and release them at the end.
 */
final class Crew {

    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private final List<Thread> threads = new ArrayList<>();
    /** The first exception a thread threw, with the thread's name: one reference, read and set as a whole. */
    private record Failure(String thread, Throwable cause) {
    }

    private final AtomicReference<Failure> first = new AtomicReference<>();
    /** Set before the check interrupts its threads: what they throw then is the check's doing. */
    private volatile boolean dismissed;

    /** Starts a thread named {@code name} running {@code body}. */
    Thread start(String name, Body body) {
        Thread t = Thread.ofPlatform().daemon(true).name(name).start(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                if (!dismissed) {
                    first.compareAndSet(null, new Failure(name, e));
                }
            }
        });
        threads.add(t);
        return t;
    }

    List<Thread> threads() {
        return List.copyOf(threads);
    }

    boolean allDone() {
        return threads.stream().noneMatch(Thread::isAlive);
    }

    /** Fails with what the first thread that threw threw, and where; {@code advice} picks the next step. */
    void failIfAnyThrew(String doing) {
        Failure failure = first.get();
        if (failure == null) {
            return;
        }
        Throwable cause = failure.cause();
        String advice = cause instanceof IllegalMonitorStateException
                ? " IllegalMonitorStateException from await() or signal() means the thread did not hold the lock "
                + "the Condition belongs to: call lock.lock() first, and await inside the try that unlocks."
                : cause instanceof IllegalStateException
                ? " The buffer's insert() and extract() throw this when the buffer is full or empty: before "
                + "calling them, wait in a while loop until there is room (put) or an item (take)."
                : "";
        throw new AssertionFailedError("While " + doing + ", the thread \"" + failure.thread() + "\" " + threw(cause)
                + "." + advice, cause);
    }

    Throwable firstCause() {
        Failure failure = first.get();
        return failure == null ? null : failure.cause();
    }

    /** Interrupts whatever is still running: the check is over, its threads may go. */
    void dismiss() {
        dismissed = true;
        threads.stream().filter(Thread::isAlive).forEach(Thread::interrupt);
    }

    /** Parked in await() on a Condition, timed or not. */
    static boolean awaitingCondition(Thread t) {
        Object blocker = LockSupport.getBlocker(t);
        Thread.State state = t.getState();
        return (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) && blocker != null
                && blocker.getClass().getName().endsWith("ConditionObject");
    }

    /** Waiting or blocked in any way: parked, in Object.wait, at a synchronized block, asleep. */
    static boolean notRunning(Thread t) {
        Thread.State state = t.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                || state == Thread.State.BLOCKED;
    }

    /** Processor time the thread has used so far, in nanoseconds; -1 if the JVM cannot say. */
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

    /** Where in the student's code a thread is, for messages: "BoundedBuffer.take:41". */
    static String where(Thread t) {
        return Arrays.stream(t.getStackTrace())
                .filter(f -> f.getClassName().startsWith("coordination.")
                        && !f.getClassName().startsWith("coordination.checks."))
                .findFirst().map(f -> simple(f.getClassName()) + "." + f.getMethodName() + ":" + f.getLineNumber())
                .orElse("outside your code");
    }

    /** What a thread threw, and where in the student's code. */
    static String threw(Throwable t) {
        StackTraceElement at = Arrays.stream(t.getStackTrace())
                .filter(f -> f.getClassName().startsWith("coordination.")
                        && !f.getClassName().startsWith("coordination.checks."))
                .findFirst().orElse(null);
        return "threw " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " (" + t.getMessage() + ")")
                + (at == null ? "" : " at " + at.getFileName() + ":" + at.getLineNumber());
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
