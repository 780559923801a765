package races.checks;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.threadlings.checks.Structure;
import races.LockCounter;

class LockCounterCheck {

    private static final String FIX = "Call lock.lock() before count++ and lock.unlock() after it, in a finally "
            + "block; read count under the lock in get() too.";

    private static CounterStress.Counter fresh() {
        LockCounter counter = new LockCounter();
        return new CounterStress.Counter(counter::increment, counter::get);
    }

    @Test
    @Order(1)
    @DisplayName("10 threads × 100,000 increments give exactly 1,000,000")
    void tenThreads() {
        CounterStress.tenThreadsOfOneHundredThousand(LockCounterCheck::fresh, FIX);
    }

    @Test
    @Order(2)
    @DisplayName("exact under randomised contention (2 to 16 threads, varied sizes)")
    void randomised() {
        CounterStress.randomisedContention(LockCounterCheck::fresh, FIX);
    }

    @Test
    @Order(3)
    @DisplayName("locks and unlocks the ReentrantLock, without synchronized or atomics")
    void usesTheLock() {
        String lock = "java.util.concurrent.locks.ReentrantLock";
        Structure.of(LockCounter.class)
                .mustCall(lock, "lock", "Call lock.lock() before touching count.")
                .mustCall(lock, "unlock", "Call lock.unlock() when done, in a finally block.")
                .mustNotUseSynchronized("This exercise is about the explicit lock; synchronized was the first one.")
                .mustNotUse("an atomic", List.of("java.util.concurrent.atomic."),
                        "This exercise is about the explicit lock; atomics were the second one.");
    }
}
