package puzzles.checks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.threadlings.checks.CheckReport;
import org.threadlings.checks.Inconclusive;
import org.threadlings.checks.Stress;
import org.threadlings.checks.Words;
import puzzles.PingPong;

/**
 * Exercise ping-pong: two threads alternate strictly, ping first, each hit on its own thread,
 * and both return after the last hit. The check's own threads call ping() and pong(); each hit
 * writes who hit and on which thread to one log.
 */
class PingPongCheck {

    /** How long a thread whose turn has come may take: generous for a busy machine. */
    private static final long WAKE_MILLIS = 3_000;

    private record Hit(String who, Thread thread) {
        @Override
        public String toString() {
            return who;
        }
    }

    /** One table: a PingPong, its two players, and the log of hits in the order they happened. */
    private static final class Match {
        final int rounds;
        final PingPong game;
        final Queue<Hit> log = new ConcurrentLinkedQueue<>();
        final Crew crew = new Crew();
        Thread pinger;
        Thread ponger;
        private final LongSupplier hitNanos;
        private String setting = "";

        Match(int rounds, LongSupplier hitNanos) {
            this.rounds = rounds;
            this.game = new PingPong(rounds);
            this.hitNanos = hitNanos;
        }

        Thread start(boolean ping, long delayNanos) {
            String who = ping ? "ping" : "pong";
            Runnable hit = () -> {
                log.add(new Hit(who, Thread.currentThread()));
                Crew.pause(hitNanos.getAsLong());
            };
            Thread t = crew.start("calls " + who + "()", () -> {
                Crew.pause(delayNanos);
                if (ping) {
                    game.ping(hit);
                } else {
                    game.pong(hit);
                }
            });
            if (ping) {
                pinger = t;
            } else {
                ponger = t;
            }
            return t;
        }

        /** Starts both players, the one named first waiting before the other comes. */
        Match play(boolean pongFirst, long delayNanos) {
            setting = Words.plural(rounds, "round", "rounds") + ", " + (pongFirst ? "pong" : "ping")
                    + "'s thread started first";
            Thread early = start(!pongFirst, 0);
            Crew.within(200, () -> Crew.notRunning(early) || !log.isEmpty());
            start(pongFirst, delayNanos);
            return this;
        }

        Match describe(String setting) {
            this.setting = setting;
            return this;
        }

        /** Waits for both to return; judges the order of the hits, not who hit on which thread. */
        void expectAlternation() {
            try {
                judge();
            } finally {
                crew.dismiss();
            }
        }

        private void judge() {
            Crew.within(WAKE_MILLIS + rounds * 2L, () -> crew.allDone() || crew.anyThrew() || !alternatingSoFar());
            crew.failIfAnyThrew("ping() and pong() were playing (" + setting + ")");
            List<Hit> hits = List.copyOf(log);
            for (int i = 0; i < hits.size(); i++) {
                String expected = i % 2 == 0 ? "ping" : "pong";
                if (!hits.get(i).who().equals(expected) || i >= 2 * rounds) {
                    throw new AssertionFailedError(wrongHit(hits, i));
                }
            }
            if (!crew.allDone()) {
                throw new AssertionFailedError(hung(hits));
            }
            if (hits.size() != 2 * rounds) {
                throw new AssertionFailedError("Both ping() and pong() returned after " + Words.count(hits.size())
                        + " hits (" + setting + "); there must be " + Words.count(2L * rounds) + ": " + rounds
                        + " pings and " + rounds + " pongs. Loop exactly `rounds` times in each method, one hit per "
                        + "turn.");
            }
        }

        private boolean alternatingSoFar() {
            int i = 0;
            for (Hit hit : log) {
                if (!hit.who().equals(i % 2 == 0 ? "ping" : "pong") || i >= 2 * rounds) {
                    return false;
                }
                i++;
            }
            return true;
        }

        private String wrongHit(List<Hit> hits, int i) {
            String seen = "the hits went " + excerpt(hits, i);
            String advice;
            if (i >= 2 * rounds) {
                advice = "There were already " + rounds + " pings and " + rounds + " pongs: hit exactly `rounds` "
                        + "times in each method.";
            } else if (i == 0) {
                advice = "pong hit first. Ping has the first turn, whichever thread arrives first: pong() must wait "
                        + "for it from the start.";
            } else {
                String who = hits.get(i).who();
                String other = who.equals("ping") ? "pong" : "ping";
                advice = who + " hit twice in a row: after each hit, " + who + "() must wait until " + other
                        + " has hit, and " + other + "() must hand the turn back after its hit. A turn is state: "
                        + "keep it in a field (or in a semaphore's permits) that both read under the same lock.";
            }
            return "Hit " + (i + 1) + " was " + hits.get(i).who() + " (" + setting + "): " + seen
                    + ". They must alternate strictly: ping, pong, ping, pong, ... " + advice;
        }

        private String hung(List<Hit> hits) {
            String seen = hits.isEmpty() ? "no hit at all"
                    : Words.count(hits.size()) + " of " + Words.count(2L * rounds) + " hits (" + excerpt(hits,
                    hits.size() - 1) + ")";
            String advice;
            if (hits.isEmpty()) {
                advice = "Both threads wait and neither has the turn. Someone must hold it at the start: ping.";
            } else if (hits.size() >= 2 * rounds) {
                advice = "All the hits are done, but a method still waits: for a turn that will never come. Loop "
                        + "exactly `rounds` times, and do not wait again after your last hit.";
            } else {
                String next = hits.size() % 2 == 0 ? "ping" : "pong";
                advice = "It was " + next + "'s turn, but " + next + "() was never woken: the turn was given (or a "
                        + "notify() sent) before it was waiting, and nothing remembered it. Keep the turn in a "
                        + "field (or a semaphore's permits), and wait only while it is not yours.";
            }
            return "Still playing " + (WAKE_MILLIS + rounds * 2L) / 1000 + " s later (" + setting + "): " + seen
                    + "; still inside: " + crew.stillThere() + ". " + advice;
        }

        private static String excerpt(List<Hit> hits, int upTo) {
            int from = Math.max(0, upTo - 5);
            List<String> shown = new ArrayList<>();
            for (int k = from; k <= upTo && k < hits.size(); k++) {
                shown.add(hits.get(k).who());
            }
            return (from > 0 ? "..., " : "") + String.join(", ", shown);
        }
    }

    @Test
    @Order(1)
    @DisplayName("ping, pong, ping, pong ... strictly, for 1, 2, 3, 10 and 100 rounds, either thread started first")
    void alternates() {
        for (int rounds : new int[] {1, 2, 3, 10, 100}) {
            for (boolean pongFirst : new boolean[] {true, false}) {
                new Match(rounds, () -> 20_000).play(pongFirst, 0).expectAlternation();
            }
        }
        CheckReport.note("10 matches, 1 to 100 rounds, ping's thread or pong's started first: strict alternation");
    }

    @Test
    @Order(2)
    @DisplayName("strict alternation under randomised round counts, start delays and hit lengths")
    void randomised() {
        Stress.trials().within(Duration.ofMillis(1500)).atLeast(10).atMost(200).run(trial -> {
            int rounds = trial.between(1, 200);
            boolean pongFirst = trial.random().nextBoolean();
            long delay = trial.between(0, 500_000);
            long longest = trial.between(0, 10) == 0 ? 3_000_000 : 100_000;
            java.util.SplittableRandom random = trial.random().split();
            Match match = new Match(rounds, () -> {
                synchronized (random) { // the check's own lock, never the student's
                    return random.nextLong(0, longest);
                }
            });
            String setting = Words.plural(rounds, "round", "rounds") + ", " + (pongFirst ? "pong" : "ping")
                    + "'s thread started first, the other " + delay / 1_000 + " us later, hits up to "
                    + longest / 1_000 + " us long";
            trial.describe(setting);
            match.describe(setting);
            match.start(!pongFirst, 0);
            match.start(pongFirst, delay);
            match.expectAlternation();
        });
    }

    @Test
    @Order(3)
    @DisplayName("every ping is hit on ping()'s thread and every pong on pong()'s: both threads really play")
    void eachOnItsOwnThread() {
        for (boolean pongFirst : new boolean[] {true, false}) {
            Match match = new Match(20, () -> 20_000).play(pongFirst, 0);
            match.expectAlternation();
            for (Hit hit : match.log) {
                Thread own = hit.who().equals("ping") ? match.pinger : match.ponger;
                if (hit.thread() != own) {
                    throw new AssertionFailedError("A " + hit.who() + " was hit on the thread \"" + hit.thread().getName()
                            + "\", not on the thread that called " + hit.who() + "() (20 rounds, "
                            + (pongFirst ? "pong" : "ping") + "'s thread started first). Each method must run its own "
                            + "hits, on its own thread: the point is two threads taking turns, not one thread doing "
                            + "both. Keep each Runnable in the method it was given to.");
                }
            }
        }
        CheckReport.note("20 pings on ping()'s thread and 20 pongs on pong()'s, twice");
    }

    @Test
    @Order(4)
    @DisplayName("a thread waiting for its turn sleeps: no processor time used while the other hits slowly")
    void waiterSleeps() {
        Match match = new Match(2, () -> 0);
        // ping's first hit lasts until the measurement is over (3 s at most): pong waits all that time.
        java.util.concurrent.atomic.AtomicBoolean measured = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable slowHit = () -> {
            match.log.add(new Hit("ping", Thread.currentThread()));
            if (match.log.size() == 1) {
                Crew.within(3_000, measured::get);
            }
        };
        Thread ponger = match.crew.start("calls pong()", () -> match.game.pong(() -> match.log.add(
                new Hit("pong", Thread.currentThread()))));
        match.ponger = ponger;
        match.pinger = match.crew.start("calls ping()", () -> match.game.ping(slowHit));
        try {
            boolean parked = Crew.within(1_000, () -> match.crew.anyThrew() || !match.log.isEmpty()
                    && Crew.notRunning(ponger));
            match.crew.failIfAnyThrew("ping() hit slowly and pong() waited for its turn");
            long before = Crew.cpuNanos(ponger);
            Crew.within(200, () -> false);
            long used = Crew.cpuNanos(ponger) - before;
            measured.set(true);
            if (before < 0 || Crew.cpuNanos(ponger) < 0) {
                throw new Inconclusive("No verdict: this JVM cannot measure a thread's processor time, or pong() "
                        + "returned during ping's first hit (" + match.log + ").");
            }
            if (used > 20_000_000L) {
                throw new AssertionFailedError("While ping's first hit went on, the thread waiting in pong() used "
                        + used / 1_000_000 + " ms of processor time in 200 ms (\"calls pong()\" " + Crew.state(ponger)
                        + " at " + Crew.where(ponger) + "): it keeps testing the turn instead of sleeping. Block "
                        + "until it is your turn: a semaphore's acquire(), wait() or a Condition's await(), in a loop "
                        + "that tests the turn.");
            }
            if (!parked) {
                throw new Inconclusive("No verdict: after 1 s the thread calling pong() had not settled into waiting ("
                        + match.crew.stillThere() + ") but used little processor time. Check again.");
            }
            CheckReport.note("the waiting thread used " + Words.count(used / 1_000) + " us of processor time in 200 ms");
        } catch (RuntimeException | Error e) {
            measured.set(true);
            match.crew.dismiss();
            throw e;
        }
        match.describe("2 rounds, ping's first hit 0.2 s long").expectAlternation();
    }
}
