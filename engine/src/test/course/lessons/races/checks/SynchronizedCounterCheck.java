package races.checks;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.threadlings.checks.Structure;
import races.SynchronizedCounter;

class SynchronizedCounterCheck {

    private static final String FIX = "Make increment() and get() synchronized, so that only one thread at a "
            + "time can run them.";

    private static CounterStress.Counter fresh() {
        SynchronizedCounter counter = new SynchronizedCounter();
        return new CounterStress.Counter(counter::increment, counter::get);
    }

    @Test
    @Order(1)
    @DisplayName("10 threads × 100,000 increments give exactly 1,000,000")
    void tenThreads() {
        CounterStress.tenThreadsOfOneHundredThousand(SynchronizedCounterCheck::fresh, FIX);
    }

    @Test
    @Order(2)
    @DisplayName("exact under randomised contention (2 to 16 threads, varied sizes)")
    void randomised() {
        CounterStress.randomisedContention(SynchronizedCounterCheck::fresh, FIX);
    }

    @Test
    @Order(3)
    @DisplayName("uses synchronized, not an atomic or a Lock")
    void usesSynchronized() {
        Structure.of(SynchronizedCounter.class)
                .mustUseSynchronized("Add the synchronized keyword to increment() and get().")
                .mustNotUse("an atomic", List.of("java.util.concurrent.atomic."),
                        "This exercise is about synchronized; atomics are the next exercise.")
                .mustNotUse("a Lock", List.of("java.util.concurrent.locks."),
                        "This exercise is about synchronized; locks come in counter-lock.");
    }

    @Test
    @Order(4)
    @DisplayName("get() reads under the same lock as increment()")
    void getIsSynchronized() {
        Structure structure = Structure.of(SynchronizedCounter.class);
        for (String method : List.of("increment", "get")) {
            boolean guarded = structure.synchronizedMethods().contains(method)
                    || structure.synchronizedBlocks().stream().anyMatch(b -> b.contains(" " + method + "("));
            if (!guarded) {
                throw new AssertionFailedError(method + "() is not synchronized. The stress checks read the count "
                        + "after join(), which happens to make it visible; a reader running beside the writers has no "
                        + "such luck: without the lock nothing makes the writes visible to it, and a long may even be "
                        + "read in two halves. Make " + method + "() synchronized too.");
            }
        }
    }
}
