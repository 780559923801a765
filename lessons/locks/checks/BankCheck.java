package locks.checks;

import locks.Bank;
import locks.BankBase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Exercise lock-order: one global lock order makes opposite transfers safe. */
class BankCheck {

    private static final TransferTrials TRIALS = new TransferTrials(BankCheck::open, new TransferTrials.Advice(
            "A transfer between two accounts that exist, from one that holds the amount, must always go "
                    + "through: wait for the locks (lock()), never give up."));

    static Teller open(Watch watch, long... balances) {
        Bank bank = new Bank(new BankBase.Audit() {
            @Override
            public void asking(BankBase.Account account) {
                watch.asking(account.id());
            }

            @Override
            public void locked(BankBase.Account account) {
                watch.locked(account.id());
            }

            @Override
            public void moving(BankBase.Account account, long delta) {
                watch.moving(account.id(), delta);
            }
        }, balances);
        return new Teller() {
            @Override
            public boolean transfer(int from, int to, long amount) {
                return bank.transfer(from, to, amount);
            }

            @Override
            public long balance(int id) {
                return bank.balance(id);
            }

            @Override
            public int size() {
                return bank.size();
            }

            @Override
            public boolean heldByCurrentThread(int id) {
                return bank.account(id).isLockedByCurrentThread();
            }

            @Override
            public boolean heldBy(int id, Thread thread) {
                return bank.account(id).isHeldBy(thread);
            }

            @Override
            public boolean waitedForBy(int id, Thread thread) {
                return bank.account(id).isWaitedForBy(thread);
            }
        };
    }

    @Test
    @Order(1)
    @DisplayName("transfers in opposite directions never deadlock (both ways between two accounts, then round a ring of three)")
    void noDeadlock() {
        TRIALS.oppositeDirections();
    }

    @Test
    @Order(2)
    @DisplayName("on virtual threads too: transfers in opposite directions never deadlock")
    void noDeadlockOnVirtualThreads() {
        TRIALS.oppositeDirectionsOnVirtualThreads();
    }

    @Test
    @Order(3)
    @DisplayName("money adds up to the unit under randomised concurrent transfers")
    void conservesMoney() {
        TRIALS.randomised();
    }

    @Test
    @Order(4)
    @DisplayName("every balance changes while both accounts' locks are held")
    void movesMoneyUnderBothLocks() throws Exception {
        TRIALS.underBothLocks();
    }

    @Test
    @Order(5)
    @DisplayName("two transfers that want the same money: exactly one goes through")
    void noOverdraft() {
        TRIALS.noOverdraft();
    }

    @Test
    @Order(6)
    @DisplayName("transfers between separate accounts run at the same time")
    void disjointTransfersRunTogether() {
        TRIALS.disjointTogether();
    }
}
