package races.checks;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.threadlings.checks.Structure;
import races.AtomicCounter;

class AtomicCounterCheck {

    private static final String FIX = "Keep the count in an AtomicLong and add with incrementAndGet(), "
            + "which reads, adds and writes in one indivisible step.";

    private static CounterStress.Counter fresh() {
        AtomicCounter counter = new AtomicCounter();
        return new CounterStress.Counter(counter::increment, counter::get);
    }

    @Test
    @Order(1)
    @DisplayName("10 threads × 100,000 increments give exactly 1,000,000")
    void tenThreads() {
        CounterStress.tenThreadsOfOneHundredThousand(AtomicCounterCheck::fresh, FIX);
    }

    @Test
    @Order(2)
    @DisplayName("exact under randomised contention (2 to 16 threads, varied sizes)")
    void randomised() {
        CounterStress.randomisedContention(AtomicCounterCheck::fresh, FIX);
    }

    @Test
    @Order(3)
    @DisplayName("uses an atomic, without synchronized or a Lock")
    void usesAnAtomic() {
        Structure.of(AtomicCounter.class)
                .mustUse("an atomic class (AtomicLong, AtomicInteger or LongAdder)",
                        List.of("java.util.concurrent.atomic."),
                        "Replace the long field with an AtomicLong or a LongAdder.")
                .mustNotUseSynchronized("This exercise is about atomics: no lock at all is needed.")
                .mustNotUse("a Lock", List.of("java.util.concurrent.locks."),
                        "This exercise is about atomics: no lock at all is needed.");
    }
}
