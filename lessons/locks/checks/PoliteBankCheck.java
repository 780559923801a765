package locks.checks;

import java.util.ArrayList;
import java.util.List;
import locks.PoliteBank;
import locks.PoliteBankBase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.threadlings.checks.CheckReport;
import org.threadlings.checks.Structure;

/**
 * Exercise try-lock-backoff: tryLock with a timeout, release everything and back off for a
 * random time, then try again. The opposite transfers pause after every lock taken, so locks
 * are busy at almost every attempt: that is the pathological schedule in which a fixed back-off,
 * a retry that keeps the first lock, or a transfer that gives up all show.
 */
class PoliteBankCheck {

    private static final TransferTrials TRIALS = new TransferTrials(PoliteBankCheck::open, new TransferTrials.Advice(
            "A busy lock is no reason to give up: release what you hold, sleep for a short random time, "
                    + "and try the whole transfer again, until it goes through."));

    static Teller open(Watch watch, long... balances) {
        PoliteBank bank = new PoliteBank(new PoliteBankBase.Audit() {
            @Override
            public void asking(PoliteBankBase.Account account) {
                watch.asking(account.id());
            }

            @Override
            public void locked(PoliteBankBase.Account account) {
                watch.locked(account.id());
            }

            @Override
            public void moving(PoliteBankBase.Account account, long delta) {
                watch.moving(account.id(), delta);
            }
        }, balances);
        return new Teller() {
            @Override
            public boolean transfer(int from, int to, long amount) throws InterruptedException {
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
    @DisplayName("transfers in opposite directions all complete, none given up (both ways between two accounts, then round a ring of three)")
    void allTransfersComplete() {
        TRIALS.oppositeDirections();
    }

    @Test
    @Order(2)
    @DisplayName("on virtual threads too: transfers in opposite directions all complete")
    void allTransfersCompleteOnVirtualThreads() {
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

    @Test
    @Order(7)
    @DisplayName("uses tryLock on the accounts' locks, and no synchronized")
    void usesTryLock() {
        Structure structure = Structure.of(PoliteBank.class).mustNotUseSynchronized("This exercise avoids the "
                + "deadlock with tryLock and back-off; synchronized cannot be tried with a timeout.");
        List<String> tries = new ArrayList<>(structure.callsTo("locks.PoliteBankBase$AccountLock", "tryLock"));
        tries.addAll(structure.callsTo("java.util.concurrent.locks.Lock", "tryLock"));
        if (tries.isEmpty()) {
            throw new AssertionFailedError("PoliteBank.transfer() never calls tryLock on an account's lock. It works, "
                    + "but this exercise is about the other cure: keep the order the money goes, take each lock "
                    + "with from.lock.tryLock(timeout, unit), and back off when one does not come.");
        }
        CheckReport.note("tryLock at " + String.join(", ", tries.stream().map(t -> t.substring(t.indexOf(" at ") + 4))
                .distinct().toList()));
    }
}
