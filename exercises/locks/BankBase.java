package locks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Exercise lock-order, the given part -- the bank's plumbing. Nothing to change here: edit
 * transfer() in Bank.java, the other file of this exercise.
 *
 * Bank extends this class, which opens the accounts, each with a lock of its own, and answers
 * the checks' questions about them. The checks also watch every lock taken and every balance
 * changed through the Audit below, so leave this file as it is.
 */
public abstract class BankBase {

    /** The accounts by id. Bank.transfer() picks the two it needs from here. */
    final Account[] accounts;

    BankBase(Audit audit, long... openingBalances) {
        accounts = new Account[openingBalances.length];
        for (int id = 0; id < openingBalances.length; id++) {
            accounts[id] = new Account(id, openingBalances[id], audit);
        }
    }

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
