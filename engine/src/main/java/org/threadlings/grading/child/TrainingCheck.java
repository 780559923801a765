package org.threadlings.grading.child;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.threadlings.checks.Contention;
import org.threadlings.checks.ParallelismProbe;
import org.threadlings.checks.Stress;

/** The checks {@link Training} runs: small, but through the same code paths as real ones. */
class TrainingCheck {

    @Test
    void contended_counter_is_exact() {
        Stress.trials().atMost(5).run(trial -> {
            AtomicLong counter = new AtomicLong();
            int threads = trial.between(2, 4);
            int each = trial.between(100, 1000);
            Contention.threads(threads).run(i -> {
                for (int k = 0; k < each; k++) {
                    counter.incrementAndGet();
                }
            });
            assertEquals((long) threads * each, counter.get());
        });
    }

    @Test
    void executor_runs_tasks_together() throws Exception {
        ParallelismProbe probe = ParallelismProbe.expecting(2);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 4; i++) {
                pool.submit(probe.wrap(() -> { }));
            }
        }
        probe.assertConcurrent(2, "");
    }
}
