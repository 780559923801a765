package puzzles.checks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.threadlings.checks.CheckReport;
import org.threadlings.checks.Inconclusive;
import org.threadlings.checks.Stress;
import org.threadlings.checks.Words;
import puzzles.InOrder;

/**
 * Exercise in-order: first, second, third, whoever arrives first. The check's own threads call
 * the student's methods, so the check decides who arrives when; each step writes "begins" and
 * "ends" to one log, and the log must read first, second, third, one step at a time.
 */
class InOrderCheck {

    private static final String[] NAMES = {"first", "second", "third"};
    private static final List<String> EXPECTED = List.of("first begins", "first ends", "second begins",
            "second ends", "third begins", "third ends");
    /**
     * How long a caller whose turn has come may take to return. A woken thread returns in well
     * under a millisecond; this only has to outlast a busy machine, while a thread nobody woke
     * stays for ever.
     */
    private static final long WAKE_MILLIS = 3_000;

    /** One InOrder, its three callers, and the log their steps write, in the order it happened. */
    private static final class Round {
        final InOrder order = new InOrder();
        final Queue<String> log = new ConcurrentLinkedQueue<>();
        final Crew crew = new Crew();
        final List<String> arrivals = new ArrayList<>();
        private final long[] stepNanos;

        Round(long... stepNanos) {
            this.stepNanos = stepNanos;
        }

        /** Starts the thread that calls the method {@code which} after a pause of {@code delayNanos}. */
        Thread arrive(int which, long delayNanos) {
            arrivals.add(NAMES[which]);
            Runnable step = () -> {
                log.add(NAMES[which] + " begins");
                Crew.pause(stepNanos[which]);
                log.add(NAMES[which] + " ends");
            };
            return crew.start("calls " + NAMES[which] + "()", () -> {
                Crew.pause(delayNanos);
                switch (which) {
                    case 0 -> order.first(step);
                    case 1 -> order.second(step);
                    default -> order.third(step);
                }
            });
        }

        int ran(int which) {
            return (int) log.stream().filter(e -> e.equals(NAMES[which] + " begins")).count();
        }

        /** Waits for the three callers, then judges the log. */
        void expectInOrder(String setting) {
            try {
                Crew.within(WAKE_MILLIS, () -> crew.allDone() || crew.anyThrew());
                crew.failIfAnyThrew(setting);
                if (!crew.allDone()) {
                    throw new AssertionFailedError(hung(setting));
                }
                for (int w = 0; w < 3; w++) {
                    if (ran(w) != 1) {
                        throw new AssertionFailedError(NAMES[w] + "() ran its step " + (ran(w) == 0 ? "not at all"
                                : ran(w) + " times") + " (" + setting + "). Each method must run the step it is given "
                                + "exactly once: step.run(), once it is its turn.");
                    }
                }
                List<String> happened = List.copyOf(log);
                if (!happened.equals(EXPECTED)) {
                    throw new AssertionFailedError(outOfOrder(happened, setting));
                }
            } finally {
                crew.dismiss();
            }
        }

        /** The message for callers still inside after their turn had come, or for ever waiting. */
        private String hung(String setting) {
            List<String> happened = List.copyOf(log);
            String ran = happened.isEmpty() ? "no step ran at all" : "the steps ran as: " + String.join(", ", happened);
            String advice;
            int waiting = IntStream.range(0, 3).filter(w -> ran(w) == 0).findFirst().orElse(-1);
            if (waiting > 0 && ran(waiting - 1) == 1) {
                advice = NAMES[waiting - 1] + "'s step had ended, but nothing woke " + NAMES[waiting] + "(). notify() "
                        + "and signal() wake only one waiting thread: when that is the wrong one, it waits again and "
                        + "the wake-up is lost. Wake them all (notifyAll(), signalAll()), or give each hand-off a tool "
                        + "of its own (one CountDownLatch or Semaphore per step), which remembers that it was opened.";
            } else {
                advice = "Every thread that waits needs another thread that wakes it once its turn has come.";
            }
            return "Still not finished " + WAKE_MILLIS / 1000 + " s after the threads were started (" + setting + "): "
                    + ran + "; still inside: " + crew.stillThere() + ". " + advice;
        }

        private String outOfOrder(List<String> happened, String setting) {
            String advice = "";
            for (int w = 1; w < 3; w++) {
                int began = happened.indexOf(NAMES[w] + " begins");
                int beforeBegan = happened.indexOf(NAMES[w - 1] + " begins");
                int beforeEnded = happened.indexOf(NAMES[w - 1] + " ends");
                if (began < beforeBegan) {
                    advice = NAMES[w] + "'s step began before " + NAMES[w - 1] + "'s had even begun: " + NAMES[w]
                            + "() did not wait until " + NAMES[w - 1] + "'s step was done. Either it did not wait at "
                            + "all, or the thread before it let it go before running its own step (signal after "
                            + "step.run(), never before), or it woke up and did not look again (while, not if: a "
                            + "notifyAll() meant for another thread wakes it too).";
                    break;
                }
                if (began < beforeEnded) {
                    advice = NAMES[w] + "'s step began while " + NAMES[w - 1] + "'s was still running: the go-ahead "
                            + "came too early. Signal (countDown, release, notifyAll) only after step.run() has "
                            + "returned.";
                    break;
                }
            }
            return "The steps ran as: " + String.join(", ", happened) + " (" + setting + "); they must run first, "
                    + "second, third, each one ended before the next begins. " + advice;
        }
    }

    @Test
    @Order(1)
    @DisplayName("first, second, third, for all 6 orders in which the callers arrive")
    void everyArrivalOrder() {
        int[][] orders = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (int[] arrival : orders) {
            Round round = new Round(1_000_000, 1_000_000, 1_000_000);
            for (int which : arrival) {
                Thread caller = round.arrive(which, 0);
                // The next caller comes once this one is waiting or done (or after 200 ms): arrivals
                // in exactly this order, whatever the machine's load.
                Crew.within(200, () -> Crew.notRunning(caller));
            }
            round.expectInOrder("called in the order " + String.join(", ", round.arrivals)
                    + ", each caller waiting before the next arrived");
        }
        CheckReport.note("all 6 arrival orders ran first, second, third");
    }

    @Test
    @Order(2)
    @DisplayName("first, second, third under randomised arrivals, delays and step lengths")
    void randomised() {
        Stress.trials().within(Duration.ofMillis(1500)).atLeast(20).atMost(300).run(trial -> {
            Round round = new Round(trial.between(0, 300_000), trial.between(0, 300_000), trial.between(0, 300_000));
            List<Integer> arrival = new ArrayList<>(List.of(0, 1, 2));
            for (int i = 2; i > 0; i--) {
                int j = trial.between(0, i);
                arrival.set(i, arrival.set(j, arrival.get(i)));
            }
            long[] delays = new long[3];
            for (int which : arrival) {
                // Now and then one caller comes much later, as a thread the machine did not run for a while.
                delays[which] = trial.between(0, 10) == 0 ? trial.between(5_000_000, 20_000_000) : trial.between(0, 400_000);
                round.arrive(which, delays[which]);
            }
            String setting = "started in the order " + arrival.stream().map(w -> NAMES[w])
                    .collect(Collectors.joining(", ")) + ", delays " + IntStream.range(0, 3)
                    .mapToObj(w -> NAMES[w] + " " + delays[w] / 1_000 + " us").collect(Collectors.joining(", "));
            trial.describe(setting);
            round.expectInOrder(setting);
        });
    }

    @Test
    @Order(3)
    @DisplayName("second and third wait however late first comes (first called 0.5 s after them)")
    void waitsForALateFirst() {
        Round round = new Round(0, 0, 0);
        try {
            callSecondAndThirdEarly(round, 500);
        } catch (RuntimeException | Error e) {
            round.crew.dismiss();
            throw e;
        }
        round.arrive(0, 0);
        round.expectInOrder("second() and third() called, then first() 0.5 s later");
    }

    @Test
    @Order(4)
    @DisplayName("threads that wait for their turn sleep: no processor time used while they wait")
    void waitersSleep() {
        Round round = new Round(0, 0, 0);
        try {
            Thread[] waiters = callSecondAndThirdEarly(round, 0);
            long before = Crew.cpuNanos(waiters[0]) + Crew.cpuNanos(waiters[1]);
            Crew.within(300, () -> round.crew.anyThrew() || !round.log.isEmpty());
            expectNoStepYet(round);
            long used = Crew.cpuNanos(waiters[0]) + Crew.cpuNanos(waiters[1]) - before;
            String states = round.crew.stillThere();
            if (Crew.cpuNanos(waiters[0]) < 0 || Crew.cpuNanos(waiters[1]) < 0) {
                throw new Inconclusive("No verdict: this JVM cannot measure the processor time of a thread.");
            }
            if (used > 30_000_000L) {
                throw new AssertionFailedError("While first() had not been called, the two threads waiting in second() "
                        + "and third() used " + used / 1_000_000 + " ms of processor time in 300 ms (" + states
                        + "): they keep testing a flag instead of sleeping, and take the processor from the thread "
                        + "they wait for. Block instead: a latch's await(), a semaphore's acquire(), a Condition's "
                        + "await() or wait(), in a loop that tests the state.");
            }
            if (!waiters[0].isAlive() || !waiters[1].isAlive() || !Crew.notRunning(waiters[0])
                    || !Crew.notRunning(waiters[1])) {
                throw new Inconclusive("No verdict: the threads calling second() and third() had not yet settled ("
                        + states + ") but used little processor time; the machine gave them no turn. Check again.");
            }
            CheckReport.note("2 waiting threads used " + Words.count(used / 1_000) + " us of processor time in 300 ms");
        } catch (RuntimeException | Error e) {
            round.crew.dismiss();
            throw e;
        }
        round.arrive(0, 0);
        round.expectInOrder("second() and third() waited 0.3 s, then first() was called");
    }

    /**
     * Calls third(), then second(), and waits until both are waiting (at most 1 s: a thread that
     * spins never is) and then {@code holdMillis} more; fails if a step ran meanwhile.
     */
    private static Thread[] callSecondAndThirdEarly(Round round, long holdMillis) {
        Thread third = round.arrive(2, 0);
        Thread second = round.arrive(1, 0);
        Crew.within(1_000, () -> round.crew.anyThrew() || !round.log.isEmpty()
                || Crew.notRunning(second) && Crew.notRunning(third));
        Crew.within(holdMillis, () -> round.crew.anyThrew() || !round.log.isEmpty());
        expectNoStepYet(round);
        return new Thread[] {second, third};
    }

    private static void expectNoStepYet(Round round) {
        round.crew.failIfAnyThrew("second() and third() were called and first() was not yet");
        if (!round.log.isEmpty()) {
            throw new AssertionFailedError("third() and second() were called, and first() not yet; yet before it came "
                    + "the steps ran as: " + String.join(", ", round.log) + ". second() and third() must wait until the "
                    + "step before theirs is done, however long that takes; sleeping a fixed time (Thread.sleep) only "
                    + "guesses. "
                    + "Wait on a latch, a semaphore, a Condition or wait(), and let the thread before you wake you.");
        }
    }
}
