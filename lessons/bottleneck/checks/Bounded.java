package bottleneck.checks;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.threadlings.checks.Await;

/**
 * Calls the student's code on a thread of its own and waits through {@link Await}, so that a
 * deadlock or a thread that never finishes is reported with what the threads were doing instead
 * of hanging the check until the time limit.
 */
final class Bounded {

    private Bounded() {
    }

    /** @param what completes "Waited 10.00 s for ..., in vain." */
    static <T> T call(Duration limit, String what, Callable<T> body) throws Exception {
        FutureTask<T> task = new FutureTask<>(body);
        Thread.ofPlatform().daemon(true).name("check-caller").start(task);
        try {
            return Await.result(task, limit, what);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error; // a failed assertion inside the body is the check's verdict, not an error
            }
            throw e;
        }
    }
}
