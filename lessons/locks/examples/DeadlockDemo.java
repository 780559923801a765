package locks.examples;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Two tellers move money in opposite directions between two accounts, each taking the lock of
 * the account the money leaves first. They deadlock; the JVM's ThreadMXBean finds the cycle,
 * which is printed with the accounts' names. Then the same work with the lower id locked first.
 * The tellers are daemon threads, so the program ends even though two of them never will.
 */
public class DeadlockDemo {

    record Account(int id, ReentrantLock lock, long[] balance) {
        Account(int id) {
            this(id, new ReentrantLock(), new long[] {1_000_000});
        }

        @Override
        public String toString() {
            return "account " + id;
        }
    }

    static final int TRANSFERS = 5_000;

    public static void main(String[] args) throws Exception {
        System.out.println("Teller A moves money from account 0 to account 1, teller B from 1 to 0.");
        System.out.println("Each makes " + String.format(Locale.ROOT, "%,d", TRANSFERS) + " transfers of 1 and"
                + " pauses 0.1 ms between its two locks,");
        System.out.println("as code that logs or checks something there would.");
        System.out.println();
        System.out.println("Round 1: lock the account the money leaves, then the other.");
        run(false);
        System.out.println();
        System.out.println("Round 2: lock the lower account id first, whichever way the money goes.");
        run(true);
    }

    static void run(boolean ordered) throws InterruptedException {
        Account a = new Account(0);
        Account b = new Account(1);
        List<Account> accounts = List.of(a, b);
        LongAdder done = new LongAdder();
        long start = System.nanoTime();
        Thread left = teller("teller A", a, b, ordered, done);
        Thread right = teller("teller B", b, a, ordered, done);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        while (left.isAlive() || right.isAlive()) {
            Thread.sleep(50);
            long[] stuck = mx.findDeadlockedThreads();
            if (stuck != null) { // only this round's tellers: the last round's may be stuck for good
                stuck = Arrays.stream(stuck).filter(id -> id == left.threadId() || id == right.threadId()).toArray();
            }
            if (stuck != null && stuck.length > 0) {
                System.out.printf(Locale.ROOT, "After %.2f s and %,d transfers, findDeadlockedThreads() names %d threads:%n",
                        (System.nanoTime() - start) / 1e9, done.sum(), stuck.length);
                for (ThreadInfo info : mx.getThreadInfo(stuck)) {
                    Thread thread = info.getThreadId() == left.threadId() ? left : right;
                    Account wanted = accounts.stream().filter(x -> x.lock().hasQueuedThread(thread)).findFirst().orElseThrow();
                    Account held = wanted == a ? b : a;
                    System.out.println("  \"" + info.getThreadName() + "\" holds " + held + ", waits for " + wanted
                            + " (held by \"" + info.getLockOwnerName() + "\")");
                }
                System.out.println("Neither will ever move again. The JVM itself names the locks only as");
                System.out.println("  " + shortName(mx.getThreadInfo(stuck[0]).getLockName()) + ".");
                return;
            }
        }
        System.out.printf(Locale.ROOT, "%,d transfers in %.2f s, no deadlock. Balances: %,d and %,d.%n", done.sum(),
                (System.nanoTime() - start) / 1e9, a.balance()[0], b.balance()[0]);
    }

    static Thread teller(String name, Account from, Account to, boolean ordered, LongAdder done) {
        Account first = ordered && to.id() < from.id() ? to : from;
        Account second = first == from ? to : from;
        Thread thread = new Thread(() -> {
            for (int i = 0; i < TRANSFERS; i++) {
                first.lock().lock();
                try {
                    LockSupport.parkNanos(100_000);
                    second.lock().lock();
                    try {
                        from.balance()[0] -= 1;
                        to.balance()[0] += 1;
                    } finally {
                        second.lock().unlock();
                    }
                } finally {
                    first.lock().unlock();
                }
                done.increment();
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static String shortName(String jvmName) {
        return jvmName.substring(jvmName.lastIndexOf('.') + 1);
    }
}
