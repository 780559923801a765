package locks.checks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentest4j.AssertionFailedError;
import org.threadlings.checks.Await;
import org.threadlings.checks.Progress;
import org.threadlings.checks.Words;

/**
 * Threads named for what they do ("transfers 0->1"), released together from a start gate and
 * waited for through {@link Await}, so that a deadlock is reported at once, as a cycle, instead
 * of hanging. The JVM names a ReentrantLock in that report by its internals and a number
 * ("ReentrantLock@1b6d3586"); the crew puts "the lock of account 3" in its place.
 */
final class Crew {

    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    private final Teller bank;
    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch ready;
    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private final AtomicReference<Throwable> firstCause = new AtomicReference<>();

    private Crew(Teller bank, int size) {
        this.bank = bank;
        this.ready = new CountDownLatch(size);
    }

    /** Starts one daemon platform thread per name, each waiting at the gate. */
    static Crew start(Teller bank, List<String> names, List<Body> bodies) {
        return start(bank, names, bodies, false);
    }

    /**
     * Starts one thread per name, each waiting at the gate: virtual threads if asked, since code
     * that deadlocks on platform threads deadlocks on virtual ones too, and the report must name
     * the cycle just as well.
     */
    static Crew start(Teller bank, List<String> names, List<Body> bodies, boolean virtual) {
        Crew crew = new Crew(bank, names.size());
        for (int i = 0; i < names.size(); i++) {
            Body body = bodies.get(i);
            String name = names.get(i);
            Thread.Builder builder = virtual ? Thread.ofVirtual().name(name) : Thread.ofPlatform().daemon(true).name(name);
            crew.threads.add(builder.start(() -> {
                crew.ready.countDown();
                try {
                    crew.gate.await();
                    body.run();
                } catch (Throwable t) {
                    if (crew.firstCause.compareAndSet(null, t)) {
                        crew.firstFailure.set("\"" + name + "\" " + threw(t));
                    }
                }
            }));
        }
        return crew;
    }

    /** Opens the gate once every thread is at it. */
    Crew open() {
        Await.latch(ready, Duration.ofSeconds(10), "the transfer threads to reach the start gate");
        gate.countDown();
        return this;
    }

    List<Thread> threads() {
        return List.copyOf(threads);
    }

    /** Waits for every thread; a deadlock, a hang or an exception in a thread fails the check. */
    void finish(Duration timeout) {
        finish(timeout, null, () -> 0);
    }

    /**
     * As {@link #finish(Duration)}, and threads that hold an account's lock while no transfer
     * finishes and no lock is taken ({@code locksTaken} counts them) fail it too: threads that
     * back off and retry take locks again, so a count that moves means no one is stuck, however
     * long transfers take on a crowded machine.
     */
    void finish(Duration timeout, Progress progress, LongSupplier locksTaken) {
        Stuck stuck = new Stuck(locksTaken);
        try {
            Await.until(() -> threads.stream().noneMatch(Thread::isAlive) || progress != null && stuck.look(progress),
                    timeout, "the transfer threads to finish", progress);
        } catch (AssertionError e) {
            throw new AssertionFailedError(accountsNamed(e.getMessage()), e);
        }
        if (stuck.seen != null) {
            threads.forEach(Thread::interrupt); // tryLock and sleep answer an interrupt: let them go
            throw new AssertionFailedError("No transfer finished and no lock was taken for " + Words.duration(Stuck.FOR) + " ("
                    + Words.count(progress.done().getAsLong()) + " of " + Words.count(progress.total())
                    + " done), and at every look the unfinished threads were all waiting while some held an account's lock:\n"
                    + stuck.seen + "\nNo one gives up what it holds, so no one gets what it needs, "
                    + "however often they retry. Release every lock you hold before you back off and try again.");
        }
        String failure = firstFailure.get();
        if (failure != null) {
            Throwable cause = firstCause.get();
            String advice = cause instanceof IllegalMonitorStateException
                    ? " IllegalMonitorStateException means unlock() was called on a lock this thread does not"
                    + " hold: release only the locks your code actually took (a failed tryLock took nothing)."
                    : "";
            throw new AssertionFailedError("The thread " + failure + "." + advice, cause);
        }
    }

    /**
     * Threads that keep an account's lock while they wait for another, retrying or not: for a
     * whole second no transfer finished and no lock was taken, and at every look every unfinished
     * thread was parked or asleep while some of them held an account's lock. A correct bank never
     * looks like that for long: a thread that fails to get its second lock lets go of the first
     * within its timeout and takes it again after its back-off. Thread states alone were not
     * enough: on a crowded machine a thread whose timeout has passed still shows as waiting until
     * it gets a processor, and a correct solution was once reported stuck.
     */
    private final class Stuck {
        static final Duration FOR = Duration.ofSeconds(1);
        private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        private final LongSupplier locksTaken;
        private long lastDone = -1;
        private long since;
        String seen;

        Stuck(LongSupplier locksTaken) {
            this.locksTaken = locksTaken;
        }

        boolean look(Progress progress) {
            // Transfers finished and locks taken: either moving means someone is not stuck.
            long done = progress.done().getAsLong() + locksTaken.getAsLong();
            long now = System.nanoTime();
            StringBuilder who = new StringBuilder();
            boolean holdAndWait = done == lastDone;
            for (Thread t : threads) {
                if (!holdAndWait || !t.isAlive()) {
                    continue;
                }
                ThreadInfo info = mx.getThreadInfo(t.threadId());
                boolean waiting = info != null && (info.getThreadState() == Thread.State.WAITING
                        || info.getThreadState() == Thread.State.TIMED_WAITING);
                if (!waiting) {
                    holdAndWait = false;
                    break;
                }
                for (int id = 0; id < bank.size(); id++) {
                    if (bank.heldBy(id, t)) {
                        who.append("  \"").append(t.getName()).append("\" holds the lock of account ").append(id)
                                .append('\n');
                    }
                }
            }
            holdAndWait &= who.length() > 0;
            if (done != lastDone || !holdAndWait) {
                lastDone = done;
                since = now;
                return false;
            }
            if (now - since >= FOR.toNanos()) {
                seen = who.toString().stripTrailing();
                return true;
            }
            return false;
        }
    }

    /** Replaces the JVM's names of the accounts' locks, in a deadlock report, by the accounts'. */
    private String accountsNamed(String message) {
        String named = message == null ? "" : message;
        for (Thread thread : threads) {
            Object blocker = LockSupport.getBlocker(thread);
            if (blocker == null) {
                continue;
            }
            String hash = "@" + Integer.toHexString(System.identityHashCode(blocker));
            for (int id = 0; id < bank.size(); id++) {
                if (bank.waitedForBy(id, thread)) {
                    named = named.replaceAll("[\\w$.]+" + Pattern.quote(hash) + "\\b",
                            Matcher.quoteReplacement("the lock of account " + id));
                }
            }
        }
        return named;
    }

    /** What a thread threw, and where in the student's code. */
    static String threw(Throwable t) {
        StackTraceElement where = Arrays.stream(t.getStackTrace())
                .filter(f -> f.getClassName().startsWith("locks.") && !f.getClassName().startsWith("locks.checks."))
                .findFirst().orElse(null);
        return "threw " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " (" + t.getMessage() + ")")
                + (where == null ? "" : " at " + where.getFileName() + ":" + where.getLineNumber());
    }
}
