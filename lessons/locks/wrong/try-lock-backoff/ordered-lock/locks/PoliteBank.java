package locks;

// Known-wrong answer: lock-order's answer (lock() in id order): no deadlock, but no tryLock either

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Exercise try-lock-backoff -- transfers that cannot deadlock, without a lock order.
 *
 * The same bank as in lock-order, with the same deadlock: transfer() takes the lock of the
 * account the money leaves, then the other, and two transfers in opposite directions can each
 * hold one lock and wait for ever for the other.
 *
 * What to do: this time keep the direction (from first, then to), but never wait for ever.
 * Take each lock with tryLock and a timeout. If the second lock does not come in time, release
 * the first, sleep for a short *random* time (a fixed time lets two threads meet in step again
 * and again), and try the whole transfer again. A transfer must still happen in the end: never
 * give up and return false because a lock was busy. Release only the locks you actually took.
 * No synchronized, and no lock for the whole bank.
 *
 * Edit transfer() only. The code below the line "Given" is the bank's plumbing: the checks watch
 * the accounts' locks through it, so leave it as it is.
 *
 *   ./run.sh check try-lock-backoff     grade it
 *   ./run.sh hint try-lock-backoff      one hint at a time
 */
public final class PoliteBank {

    private final Account[] accounts;

    public PoliteBank(long... openingBalances) {
        this(Audit.NONE, openingBalances);
    }

    public PoliteBank(Audit audit, long... openingBalances) {
        accounts = new Account[openingBalances.length];
        for (int id = 0; id < openingBalances.length; id++) {
            accounts[id] = new Account(id, openingBalances[id], audit);
        }
    }

    /**
     * Moves {@code amount} from account {@code fromId} to account {@code toId} if the first holds
     * at least that much, and returns true; otherwise moves nothing and returns false. The two
     * accounts are different.
     */
    public boolean transfer(int fromId, int toId, long amount) throws InterruptedException {
        Account from = accounts[fromId];
        Account to = accounts[toId];
        Account first = from.id() < to.id() ? from : to;
        Account second = first == from ? to : from;
        first.lock.lock();
        try {
            second.lock.lock();
            try {
                if (from.balance < amount) {
                    return false;
                }
                from.withdraw(amount);
                to.deposit(amount);
                return true;
            } finally {
                second.lock.unlock();
            }
        } finally {
            first.lock.unlock();
        }
    }

    // ---- Given: no need to change anything below. ------------------------------------------

    /** The current balance of one account, read under its lock. */
    public long balance(int id) {
        Account account = accounts[id];
        account.lock.lock();
        try {
            return account.balance;
        } finally {
            account.lock.unlock();
        }
    }

    public int size() {
        return accounts.length;
    }

    public Account account(int id) {
        return accounts[id];
    }

    /** Watches the accounts. The checks plug in their own to see locks taken and money moved. */
    public interface Audit {
        Audit NONE = new Audit() {
        };

        /** Called by a thread about to ask for an account's lock. */
        default void asking(Account account) {
        }

        /** Called by the thread that has just taken an account's lock. */
        default void locked(Account account) {
        }

        /** Called just before an account's balance changes by {@code delta}. */
        default void moving(Account account, long delta) {
        }
    }

    /** One account: its id, its balance and the lock that guards the balance. */
    public static final class Account {
        private final int id;
        final AccountLock lock;
        long balance;
        private final Audit audit;

        Account(int id, long balance, Audit audit) {
            this.id = id;
            this.balance = balance;
            this.audit = audit;
            this.lock = new AccountLock(this, audit);
        }

        public int id() {
            return id;
        }

        /** Whether the calling thread holds this account's lock. */
        public boolean isLockedByCurrentThread() {
            return lock.isHeldByCurrentThread();
        }

        /** Whether {@code thread} holds this account's lock. */
        public boolean isHeldBy(Thread thread) {
            return lock.owner() == thread;
        }

        /** Whether {@code thread} is waiting to take this account's lock. */
        public boolean isWaitedForBy(Thread thread) {
            return lock.hasQueuedThread(thread);
        }

        void withdraw(long amount) {
            audit.moving(this, -amount);
            balance -= amount;
        }

        void deposit(long amount) {
            audit.moving(this, amount);
            balance += amount;
        }

        @Override
        public String toString() {
            return "account " + id;
        }
    }

    /** An account's lock: a ReentrantLock that tells the audit each time it is taken. */
    static final class AccountLock extends ReentrantLock {
        private static final long serialVersionUID = 1L;
        private final transient Account account;
        private final transient Audit audit;

        AccountLock(Account account, Audit audit) {
            this.account = account;
            this.audit = audit;
        }

        @Override
        public void lock() {
            audit.asking(account);
            super.lock();
            audit.locked(account);
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            audit.asking(account);
            super.lockInterruptibly();
            audit.locked(account);
        }

        @Override
        public boolean tryLock() {
            audit.asking(account);
            boolean taken = super.tryLock();
            if (taken) {
                audit.locked(account);
            }
            return taken;
        }

        @Override
        public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
            audit.asking(account);
            boolean taken = super.tryLock(timeout, unit);
            if (taken) {
                audit.locked(account);
            }
            return taken;
        }

        Thread owner() {
            return getOwner();
        }

        @Override
        public String toString() {
            return "the lock of " + account;
        }
    }
}
