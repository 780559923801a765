package locks;

// Known-wrong answer: a synchronized transfer() around the tryLock loop: one lock for the whole bank, so transfers never run together

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

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
 * Edit transfer() in this file. PoliteBankBase.java, the other file of this exercise, is
 * given: it holds the accounts and their locks, which PoliteBank inherits, and the checks watch
 * the locks through it, so leave it as it is.
 *
 *   ./run.sh check try-lock-backoff     grade it
 *   ./run.sh hint try-lock-backoff      one hint at a time
 */
public final class PoliteBank extends PoliteBankBase {

    // Constructors are not inherited: these two only hand the opening balances to PoliteBankBase.
    public PoliteBank(long... openingBalances) {
        super(Audit.NONE, openingBalances);
    }

    public PoliteBank(Audit audit, long... openingBalances) {
        super(audit, openingBalances);
    }

    /**
     * Moves {@code amount} from account {@code fromId} to account {@code toId} if the first holds
     * at least that much, and returns true; otherwise moves nothing and returns false. The two
     * accounts are different.
     */
    public synchronized boolean transfer(int fromId, int toId, long amount) throws InterruptedException {
        Account from = accounts[fromId];
        Account to = accounts[toId];
        while (true) {
            if (from.lock.tryLock(1, TimeUnit.MILLISECONDS)) {
                try {
                    if (to.lock.tryLock(1, TimeUnit.MILLISECONDS)) {
                        try {
                            if (from.balance < amount) {
                                return false;
                            }
                            from.withdraw(amount);
                            to.deposit(amount);
                            return true;
                        } finally {
                            to.lock.unlock();
                        }
                    }
                } finally {
                    from.lock.unlock();
                }
            }
            // Holding nothing now. Wait a random while, so that two transfers that just collided
            // do not come back at the same moment and collide again (a livelock).
            TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextLong(50, 1_000));
        }
    }
}
