package puzzles.checks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.opentest4j.AssertionFailedError;

/**
 * The check's own callers: named daemon threads that call the student's methods, watched from
 * outside (alive, waiting or running, where in the student's code, how much processor time).
 * Daemon threads, so a student's hang never outlives the grading; each check still bounds its
 * waits and dismisses its threads at the end.
 */
final class Crew {

    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    /** The first exception a thread threw, with the thread's name: one reference, set once. */
    private record Failure(String thread, Throwable cause) {
    }

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Failure> first = new AtomicReference<>();
    /** Set before the check interrupts its threads: what they throw then is the check's doing. */
    private volatile boolean dismissed;

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

    boolean anyThrew() {
        return first.get() != null;
    }

    /** Fails with what the first thread that threw threw, and where in the student's code. */
    void failIfAnyThrew(String doing) {
        Failure failure = first.get();
        if (failure == null) {
            return;
        }
        Throwable cause = failure.cause();
        String advice = cause instanceof IllegalMonitorStateException
                ? " IllegalMonitorStateException means wait(), notify() or a Condition's await() or signal() was"
                + " called without holding the lock it belongs to: wait on the object you synchronized on, or"
                + " lock the Condition's lock first."
                : "";
        throw new AssertionFailedError("While " + doing + ", the thread \"" + failure.thread() + "\" " + threw(cause)
                + "." + advice, cause);
    }

    /** Interrupts whatever is still running: the check is over, its threads may go. */
    void dismiss() {
        dismissed = true;
        threads.stream().filter(Thread::isAlive).forEach(Thread::interrupt);
    }

    /** The threads still alive, each with its state and where it is: for messages. */
    String stillThere() {
        return String.join(", ", threads.stream().filter(Thread::isAlive)
                .map(t -> "\"" + t.getName() + "\" " + state(t) + " at " + where(t)).toList());
    }

    /** Waiting or blocked in any way: parked, in Object.wait, at a synchronized block, asleep. */
    static boolean notRunning(Thread t) {
        Thread.State state = t.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                || state == Thread.State.BLOCKED || state == Thread.State.TERMINATED;
    }

    static String state(Thread t) {
        return switch (t.getState()) {
            case RUNNABLE -> "running";
            case BLOCKED -> "blocked at a synchronized lock";
            case WAITING, TIMED_WAITING -> Arrays.stream(t.getStackTrace()).limit(3)
                    .anyMatch(f -> f.getMethodName().equals("sleep")) ? "asleep" : "waiting";
            case TERMINATED -> "finished";
            case NEW -> "not started";
        };
    }

    /** Processor time the thread has used so far, in nanoseconds; -1 if the JVM cannot say. */
    static long cpuNanos(Thread t) {
        return MX.isThreadCpuTimeSupported() ? MX.getThreadCpuTime(t.threadId()) : -1;
    }

    /** Looks every half millisecond until {@code condition} holds or {@code millis} have passed. */
    static boolean within(long millis, BooleanSupplier condition) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                return condition.getAsBoolean();
            }
            LockSupport.parkNanos(500_000);
        }
        return true;
    }

    /**
     * A short random pause of about {@code nanos}: sometimes a park, sometimes yields in a loop,
     * so that callers arrive, and steps end, at moments the student's code cannot predict.
     */
    static void pause(long nanos) {
        if (nanos <= 0) {
            Thread.yield();
            return;
        }
        if (ThreadLocalRandom.current().nextBoolean()) {
            LockSupport.parkNanos(nanos);
            return;
        }
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() - end < 0) {
            Thread.yield();
        }
    }

    /** Where in the student's code a thread is, for messages: "InOrder.second:41". */
    static String where(Thread t) {
        return Arrays.stream(t.getStackTrace()).filter(Crew::studentFrame).findFirst()
                .map(f -> simple(f.getClassName()) + "." + f.getMethodName() + ":" + f.getLineNumber())
                .orElse("outside your code");
    }

    /** What a thread threw, and where in the student's code. */
    static String threw(Throwable t) {
        StackTraceElement at = Arrays.stream(t.getStackTrace()).filter(Crew::studentFrame).findFirst().orElse(null);
        return "threw " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " (" + t.getMessage() + ")")
                + (at == null ? "" : " at " + at.getFileName() + ":" + at.getLineNumber());
    }

    /** A frame of the student's code; the given Fork counts as plumbing, so dine() is named instead. */
    private static boolean studentFrame(StackTraceElement f) {
        return f.getClassName().startsWith("puzzles.") && !f.getClassName().startsWith("puzzles.checks.")
                && !f.getClassName().equals("puzzles.Fork");
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
