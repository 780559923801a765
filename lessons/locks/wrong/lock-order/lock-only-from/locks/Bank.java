package locks;

// Known-wrong answer: only the account the money leaves is locked; the deposit runs unguarded

/*
 * Exercise lock-order -- transfers between accounts that cannot deadlock.
 *
 * Every account has a lock of its own. transfer() takes the lock of the account the money
 * leaves, then the lock of the account it goes to. Run "0 -> 1" on one thread and "1 -> 0" on
 * another, and sooner or later each holds the lock the other one needs: neither ever moves again.
 *
 * What to do: make transfer() take the two locks in one global order -- the account with the
 * lower id first, whichever way the money goes -- and release both however the method ends.
 * Keep the rest as it is: both locks held while the money moves, the balance checked under the
 * locks, and nothing shared between transfers that share no account (no lock for the whole bank).
 *
 * Edit transfer() in this file. BankBase.java, the other file of this exercise, is given: it
 * holds the accounts and their locks, which Bank inherits, and the checks watch the locks
 * through it, so leave it as it is.
 *
 *   ./run.sh check lock-order     grade it
 *   ./run.sh hint lock-order      one hint at a time
 */
public final class Bank extends BankBase {

    // Constructors are not inherited: these two only hand the opening balances to BankBase.
    public Bank(long... openingBalances) {
        super(Audit.NONE, openingBalances);
    }

    public Bank(Audit audit, long... openingBalances) {
        super(audit, openingBalances);
    }

    /**
     * Moves {@code amount} from account {@code fromId} to account {@code toId} if the first holds
     * at least that much, and returns true; otherwise moves nothing and returns false. The two
     * accounts are different.
     */
    public boolean transfer(int fromId, int toId, long amount) {
        Account from = accounts[fromId];
        Account to = accounts[toId];
        from.lock.lock();
        try {
            if (from.balance < amount) {
                return false;
            }
            from.withdraw(amount);
            to.deposit(amount);
            return true;
        } finally {
            from.lock.unlock();
        }
    }
}
