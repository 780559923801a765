package processes.checks;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.threadlings.checks.Await;

/**
 * Runs a call into the student's code on a daemon thread of the check's own, bounded by
 * {@link Await}. A call that hangs is reported with what the threads were doing; the worker
 * processes it started are killed first, which also frees a thread blocked reading their pipes.
 */
final class Guarded {

    /** What the call gave: a value, or what it threw. */
    record Outcome<T>(T value, Throwable thrown) {
    }

    private Guarded() {
    }

    static <T> Outcome<T> call(Callable<T> body, Duration patience, String what) throws Exception {
        return call(body, patience, what, "");
    }

    /**
     * As {@link #call(Callable, Duration, String)}; a hang is reported with {@code advice} after
     * what the threads were doing. Every process this JVM started is killed then, those started
     * before the call too: a worker started earlier may be the one the call waits on.
     */
    static <T> Outcome<T> call(Callable<T> body, Duration patience, String what, String advice) throws Exception {
        CompletableFuture<Outcome<T>> result = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("student-call").start(() -> {
            try {
                result.complete(new Outcome<>(body.call(), null));
            } catch (Throwable e) {
                result.complete(new Outcome<>(null, e));
            }
        });
        try {
            return Await.result(result, patience, what);
        } catch (AssertionError hung) {
            Children.kill(Children.runningExcept(Set.of()));
            throw advice.isEmpty() ? hung : new AssertionError(hung.getMessage() + "\n" + advice, hung);
        }
    }
}
