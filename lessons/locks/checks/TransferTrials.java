package locks.checks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;
import org.threadlings.checks.Await;
import org.threadlings.checks.CheckReport;
import org.threadlings.checks.Inconclusive;
import org.threadlings.checks.Progress;
import org.threadlings.checks.Stress;
import org.threadlings.checks.Words;

/**
 * The behaviour both banks of this lesson must show, whichever way they avoid deadlock: money
 * conserved to the unit, no transfer lost, no overdraft, both locks held while money moves, and
 * transfers that share no account running at the same time.
 */
final class TransferTrials {

    /** What to tell the student where the two exercises differ: why a transfer may have been lost. */
    record Advice(String lostTransfer) {
    }

    private static final Duration RUN_LIMIT = Duration.ofSeconds(10);

    private final Teller.Opening opening;
    private final Advice advice;

    TransferTrials(Teller.Opening opening, Advice advice) {
        this.opening = opening;
        this.advice = advice;
    }

    /** Transfers that some threads make, with the money each one saw moved. */
    private static final class Ledger {
        final long[] opening;
        final long[][] deltas;
        final LongAdder done = new LongAdder();
        final Queue<String> refused = new ConcurrentLinkedQueue<>();

        Ledger(long[] opening, int threads) {
            this.opening = opening.clone();
            this.deltas = new long[threads][opening.length];
        }

        void transfer(Teller bank, int thread, int from, int to, long amount) throws Exception {
            if (bank.transfer(from, to, amount)) {
                deltas[thread][from] -= amount;
                deltas[thread][to] += amount;
            } else {
                refused.add(from + " -> " + to + " of " + amount);
            }
            done.increment();
        }

        /** The balance each account must end with: the opening plus what moved. */
        long expected(int account) {
            long balance = opening[account];
            for (long[] delta : deltas) {
                balance += delta[account];
            }
            return balance;
        }
    }

    // ---- 1. opposite directions ---------------------------------------------------------------

    /**
     * Threads transfer in opposite directions between two accounts, then round a ring of three,
     * pausing a moment after every lock they take: with locks taken in the order the money goes,
     * two of them hold one lock each and wait for the other's within milliseconds, on one core or
     * many. Each stage can form one cycle at most, so a deadlock is reported once, as that cycle.
     * Every account holds far more than can ever leave it, so every transfer must go through.
     */
    void oppositeDirections() {
        int each = 150;
        Duration pair = oppositeStage(new int[][] {{0, 1}, {1, 0}, {0, 1}, {1, 0}}, 2, each, false);
        Duration ring = oppositeStage(new int[][] {{0, 1}, {1, 2}, {2, 0}}, 3, each, false);
        CheckReport.note(Words.count(4L * each) + " transfers both ways between two accounts on 4 threads ("
                + Words.duration(pair) + "), then " + Words.count(3L * each) + " round a ring of three accounts ("
                + Words.duration(ring) + "), pausing after every lock taken: no deadlock");
    }

    /** The same two-account stage on virtual threads: a lock order protects them just the same. */
    void oppositeDirectionsOnVirtualThreads() {
        int each = 150;
        Duration pair = oppositeStage(new int[][] {{0, 1}, {1, 0}, {0, 1}, {1, 0}}, 2, each, true);
        CheckReport.note(Words.count(4L * each) + " transfers both ways between two accounts on 4 virtual threads ("
                + Words.duration(pair) + "), pausing after every lock taken: no deadlock");
    }

    private Duration oppositeStage(int[][] routes, int accounts, int each, boolean virtual) {
        long[] balances = new long[accounts];
        Arrays.fill(balances, 1_000_000);
        Watch watch = new Watch().widen();
        Teller bank = opening.open(watch, balances);
        Ledger ledger = new Ledger(balances, routes.length);
        List<String> names = new ArrayList<>();
        List<Crew.Body> bodies = new ArrayList<>();
        for (int i = 0; i < routes.length; i++) {
            int thread = i;
            int from = routes[i][0];
            int to = routes[i][1];
            names.add((virtual ? "virtual " : "") + "transfers " + from + "->" + to
                    + (accounts == 2 ? " #" + (i / 2 + 1) : ""));
            bodies.add(() -> {
                for (int k = 0; k < each; k++) {
                    ledger.transfer(bank, thread, from, to, ThreadLocalRandom.current().nextLong(1, 101));
                }
            });
        }
        long start = System.nanoTime();
        Crew.start(bank, names, bodies, virtual).open().finish(RUN_LIMIT,
                new Progress(ledger.done::sum, (long) each * routes.length, "transfers"), watch::taken);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (!ledger.refused.isEmpty()) {
            throw new AssertionFailedError("The transfer " + ledger.refused.peek() + " returned false ("
                    + Words.plural(ledger.refused.size(), "transfer", "transfers") + " in all), although every "
                    + "account held 1,000,000 and at most " + Words.count(2L * each * 100) + " could ever leave it. "
                    + advice.lostTransfer());
        }
        expectBalances(bank, ledger, "transfers in opposite directions");
        return took;
    }

    // ---- 2. randomised ------------------------------------------------------------------------

    /** Randomised concurrent transfers: the money must add up to the unit, every time. */
    void randomised() {
        Stress.trials().within(Duration.ofMillis(1500)).atLeast(5).atMost(60).run(trial -> {
            int accounts = trial.between(2, 10);
            int threads = trial.between(2, 8);
            int each = trial.between(100, 1_500);
            boolean scarce = trial.random().nextBoolean();
            long[] balances = new long[accounts];
            for (int a = 0; a < accounts; a++) {
                balances[a] = scarce ? trial.between(0, 60) : 1_000_000;
            }
            trial.describe(Words.plural(threads, "thread", "threads") + " × " + Words.count(each) + " transfers among "
                    + accounts + " accounts, " + (scarce ? "little money (transfers may be refused)" : "plenty of money"));
            Watch watch = new Watch();
            Teller bank = opening.open(watch, balances);
            Ledger ledger = new Ledger(balances, threads);
            List<String> names = new ArrayList<>();
            List<Crew.Body> bodies = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                SplittableRandom random = trial.random().split();
                names.add("teller-" + t);
                bodies.add(() -> {
                    for (int k = 0; k < each; k++) {
                        int from = random.nextInt(accounts);
                        int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
                        ledger.transfer(bank, thread, from, to, scarce ? random.nextLong(1, 41) : random.nextLong(1, 101));
                    }
                });
            }
            Crew.start(bank, names, bodies).open().finish(RUN_LIMIT,
                    new Progress(ledger.done::sum, (long) each * threads, "transfers"), watch::taken);
            if (!scarce && !ledger.refused.isEmpty()) {
                throw new AssertionFailedError("The transfer " + ledger.refused.peek() + " returned false although "
                        + "every account held 1,000,000 and far less could ever leave it. " + advice.lostTransfer());
            }
            expectBalances(bank, ledger, "these transfers");
        });
    }

    /** Money conserved, nobody overdrawn, and each balance what the successful transfers make it. */
    private static void expectBalances(Teller bank, Ledger ledger, String what) {
        long before = Arrays.stream(ledger.opening).sum();
        long after = 0;
        for (int a = 0; a < bank.size(); a++) {
            after += bank.balance(a);
        }
        if (after != before) {
            throw new AssertionFailedError("The bank held " + Words.count(before) + " before " + what + " and "
                    + Words.count(after) + " after: " + Words.count(Math.abs(after - before)) + " "
                    + (after < before ? "vanished" : "appeared from nowhere") + ". Two threads changed one balance "
                    + "at the same time and one change overwrote the other: a balance may only change while its "
                    + "account's lock is held.");
        }
        for (int a = 0; a < bank.size(); a++) {
            if (bank.balance(a) < 0) {
                throw new AssertionFailedError("Account " + a + " ended at " + Words.count(bank.balance(a))
                        + ": it paid out money it did not have. Check the balance after taking the locks, "
                        + "not before: another transfer may take the money in between.");
            }
        }
        for (int a = 0; a < bank.size(); a++) {
            if (bank.balance(a) != ledger.expected(a)) {
                throw new AssertionFailedError("Account " + a + " ended at " + Words.count(bank.balance(a))
                        + ", but the transfers that returned true make it " + Words.count(ledger.expected(a))
                        + ". A transfer must return true exactly when it moved the money.");
            }
        }
    }

    // ---- 3. both locks held -------------------------------------------------------------------

    /**
     * One thread, transfers both ways between accounts with lower and higher ids: every change of
     * a balance must happen while this thread holds both accounts' locks. Deterministic, so a
     * mistake shows the first time.
     */
    void underBothLocks() throws Exception {
        long[] model = {100, 50, 0, 30};
        Watch watch = new Watch();
        Teller bank = opening.open(watch, model);
        watch.lockedBy(bank::heldByCurrentThread);
        int[][] transfers = {{0, 1, 30}, {1, 0, 10}, {3, 2, 5}, {2, 3, 1}, {1, 3, 200}, {3, 0, 34}, {2, 1, 3}};
        for (int[] t : transfers) {
            String which = t[0] + " -> " + t[1] + " of " + t[2];
            boolean enough = model[t[0]] >= t[2];
            boolean moved = bank.transfer(t[0], t[1], t[2]);
            List<String> unguarded = watch.unguarded();
            if (!unguarded.isEmpty()) {
                throw new AssertionFailedError("The transfer " + which + " " + unguarded.get(0) + ". Both accounts' "
                        + "locks must be held, together, from before the balance is checked until after the money "
                        + "has moved: lock one, then the other, move the money, then unlock both.");
            }
            if (moved != enough) {
                throw new AssertionFailedError("The transfer " + which + " returned " + moved + ", but account " + t[0]
                        + " held " + model[t[0]] + ": it must move the money and return true when the account holds "
                        + "at least the amount, and move nothing and return false when it does not.");
            }
            if (enough) {
                model[t[0]] -= t[2];
                model[t[1]] += t[2];
            }
            for (int a = 0; a < model.length; a++) {
                if (bank.balance(a) != model[a]) {
                    throw new AssertionFailedError("After the transfer " + which + ", account " + a + " holds "
                            + bank.balance(a) + " instead of " + model[a] + ". Move the amount out of one account "
                            + "and into the other, once.");
                }
            }
        }
        CheckReport.note(Words.plural(transfers.length, "transfer", "transfers")
                + " both ways, every balance changed under both accounts' locks");
    }

    // ---- 4. no overdraft ----------------------------------------------------------------------

    /**
     * A pathological schedule: account s holds exactly the amount, and two transfers want it all.
     * The first to start moving money is kept inside its locks until the other has asked for a
     * lock; then both go on. Only one may succeed. A bank that checks the balance before taking
     * the locks lets the second through on a balance already spent.
     */
    void noOverdraft() {
        Stress.trials().within(Duration.ofMillis(800)).atLeast(4).atMost(10).informative(3).run(trial -> {
            int accounts = trial.between(3, 6);
            int source = trial.between(0, accounts - 1);
            int first = (source + trial.between(1, accounts - 1)) % accounts;
            int second = first;
            while (second == first || second == source) {
                second = trial.between(0, accounts - 1);
            }
            long amount = trial.between(10, 500);
            long[] balances = new long[accounts];
            for (int a = 0; a < accounts; a++) {
                balances[a] = a == source ? amount : trial.between(0, 100);
            }
            trial.describe("account " + source + " holds " + amount + "; transfers " + source + " -> " + first
                    + " and " + source + " -> " + second + " of " + amount + " each");
            Watch watch = new Watch().holdFirst();
            Teller bank = opening.open(watch, balances);
            boolean[] results = new boolean[2];
            int[] targets = {first, second};
            List<String> names = List.of("transfer " + source + "->" + first, "transfer " + source + "->" + second);
            List<Crew.Body> bodies = List.of(
                    () -> results[0] = bank.transfer(source, targets[0], amount),
                    () -> results[1] = bank.transfer(source, targets[1], amount));
            Crew crew = Crew.start(bank, names, bodies).open();
            Await.until(() -> watch.held() != null || crew.threads().stream().noneMatch(Thread::isAlive),
                    RUN_LIMIT, "one of the two transfers to start moving money");
            long patience = System.nanoTime() + 1_000_000_000L;
            boolean waited = false;
            while (!waited && System.nanoTime() - patience < 0
                    && crew.threads().stream().filter(t -> t != watch.held()).anyMatch(Thread::isAlive)) {
                Thread.sleep(1);
                waited = !watch.askedWhileHeld().isEmpty() || waitsFor(crew.threads(), watch.held());
            }
            if (!waited) {
                trial.uninformative("the second transfer was never seen waiting for a lock while the first was moving money");
            }
            watch.release();
            crew.finish(RUN_LIMIT);
            long total = Arrays.stream(balances).sum();
            long after = 0;
            for (int a = 0; a < accounts; a++) {
                after += bank.balance(a);
            }
            if (bank.balance(source) < 0 || results[0] && results[1]) {
                throw new AssertionFailedError("Account " + source + " held " + amount + ", and two transfers of "
                        + amount + " from it both went through: it ended at " + Words.count(bank.balance(source))
                        + ". The second transfer checked the balance before it held the account's lock, saw the "
                        + "money the first was about to take, and then waited for the lock. Check the balance only "
                        + "once you hold the locks.");
            }
            if (!results[0] && !results[1] || after != total) {
                throw new AssertionFailedError("Account " + source + " held " + amount + " and two transfers of "
                        + amount + " from it ran at once: exactly one must go through, but "
                        + (results[0] || results[1] ? "the money did not add up (" + Words.count(total) + " before, "
                        + Words.count(after) + " after)" : "both returned false") + ". " + advice.lostTransfer());
            }
        });
    }

    /** Whether another of these threads waits for a lock that {@code holder} holds. */
    private static boolean waitsFor(List<Thread> threads, Thread holder) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        return holder != null && threads.stream().filter(t -> t != holder).map(t -> mx.getThreadInfo(t.threadId()))
                .anyMatch(info -> info != null && info.getLockOwnerId() == holder.threadId());
    }

    // ---- 5. disjoint transfers run together ----------------------------------------------------

    /**
     * Four transfers between four separate pairs of accounts. Each waits inside its locks, once it
     * starts moving money, until another is moving money too (or it is released). A bank with a
     * lock per account lets them meet; a bank with one lock for everything lets one in at a time,
     * and the others are seen waiting for that lock while the one inside waits for company. With
     * neither (the others never got processor time), there is no verdict.
     */
    void disjointTogether() {
        int pairs = 4;
        long[] balances = new long[2 * pairs];
        Arrays.fill(balances, 1_000);
        Watch watch = new Watch().gather();
        Teller bank = opening.open(watch, balances);
        List<String> names = new ArrayList<>();
        List<Crew.Body> bodies = new ArrayList<>();
        for (int p = 0; p < pairs; p++) {
            int from = p % 2 == 0 ? 2 * p : 2 * p + 1;
            int to = p % 2 == 0 ? 2 * p + 1 : 2 * p;
            names.add("transfer " + from + "->" + to);
            bodies.add(() -> bank.transfer(from, to, 1));
        }
        Crew crew = Crew.start(bank, names, bodies).open();
        Evidence evidence = new Evidence();
        long patience = System.nanoTime() + 2_000_000_000L;
        Await.until(() -> watch.peak() >= 2 || evidence.look(crew.threads(), watch.moving())
                || System.nanoTime() - patience >= 0, RUN_LIMIT, "two transfers to be moving money at once");
        watch.release();
        crew.finish(RUN_LIMIT);
        if (watch.peak() >= 2) {
            CheckReport.note(watch.peak() + " of " + pairs + " transfers between separate pairs of accounts were "
                    + "moving money at the same time");
            return;
        }
        if (evidence.seen != null) {
            throw new AssertionFailedError("Transfers between accounts they do not share never ran at the same time: "
                    + evidence.seen + ". Money moves correctly, but through one lock for the whole bank: every "
                    + "transfer waits for every other, and a bank with a thousand tellers works like one. Lock only "
                    + "the two accounts involved, each with its own lock.");
        }
        throw new Inconclusive("No verdict: in 2 s only one of " + pairs + " transfers between separate pairs of "
                + "accounts was ever moving money, yet the others were never seen waiting for a lock; they simply "
                + "got no processor time. Close busy programs and check again.");
    }

    /**
     * Signs that transfers are serialised: a transfer thread that waits, inside the student's code,
     * while another transfer is moving money, seen on several looks in a row (not a passing moment).
     */
    private static final class Evidence {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private static final int LOOKS_NEEDED = 5;
        String seen;
        private int looks;

        boolean look(List<Thread> crew, Set<Thread> moving) {
            if (moving.isEmpty()) {
                looks = 0;
                return false;
            }
            Set<Long> movingIds = moving.stream().map(Thread::threadId).collect(Collectors.toSet());
            String found = null;
            for (Thread t : crew) {
                if (moving.contains(t) || !t.isAlive()) {
                    continue;
                }
                ThreadInfo info = THREADS.getThreadInfo(t.threadId(), 30);
                if (info == null || info.getThreadState() == Thread.State.RUNNABLE
                        || info.getThreadState() == Thread.State.NEW) {
                    continue;
                }
                boolean inBank = Arrays.stream(info.getStackTrace()).anyMatch(f -> f.getClassName().startsWith("locks.")
                        && !f.getClassName().startsWith("locks.checks."));
                String mover = moving.iterator().next().getName();
                if (info.getLockOwnerId() != -1 && movingIds.contains(info.getLockOwnerId())) {
                    found = "\"" + t.getName() + "\" waited for " + lockName(info.getLockName()) + ", held by \""
                            + info.getLockOwnerName() + "\" while it was moving money";
                    break;
                }
                if (inBank) {
                    found = "\"" + t.getName() + "\" waited inside the bank (" + info.getThreadState() + ") while \""
                            + mover + "\" was moving money";
                }
            }
            looks = found == null ? 0 : looks + 1;
            if (looks >= LOOKS_NEEDED) {
                seen = found;
                return true;
            }
            return false;
        }

        /** {@code java.util.concurrent.locks.ReentrantLock$NonfairSync@1b6d} as {@code a ReentrantLock (1b6d)}. */
        private static String lockName(String jvmName) {
            if (jvmName == null) {
                return "a lock";
            }
            int at = jvmName.indexOf('@');
            String type = at < 0 ? jvmName : jvmName.substring(0, at);
            type = type.substring(type.lastIndexOf('.') + 1);
            int dollar = type.indexOf('$');
            if (dollar > 0 && type.endsWith("Sync")) {
                type = type.substring(0, dollar);
            }
            return "the lock of a " + type.replace('$', '.') + " object";
        }
    }
}
