package locks.checks;

/**
 * A bank under test, as the shared trials see it: the two exercises' banks are separate
 * classes (each exercise is compiled on its own), so each check class adapts its own.
 */
interface Teller {

    /** Opens a bank with these balances, its audit reporting to {@code watch}. */
    @FunctionalInterface
    interface Opening {
        Teller open(Watch watch, long... balances);
    }

    boolean transfer(int from, int to, long amount) throws Exception;

    long balance(int id);

    int size();

    /** Whether the calling thread holds the lock of account {@code id}. */
    boolean heldByCurrentThread(int id);

    /** Whether {@code thread} holds the lock of account {@code id}. */
    boolean heldBy(int id, Thread thread);

    /** Whether {@code thread} is queued for the lock of account {@code id}. */
    boolean waitedForBy(int id, Thread thread);
}
