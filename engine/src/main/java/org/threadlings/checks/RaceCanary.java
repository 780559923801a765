package org.threadlings.checks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;

/**
 * A counter that is racy on purpose: the control of a race experiment. After each run of the
 * student's code, run the canary on as many threads, from a start gate, for as long as that run
 * took. If it lost updates, threads really collided under the conditions of that trial, and a
 * read-modify-write race had its chance to show; if it lost none (one core, a machine too busy,
 * a run too short for the threads to meet), an exact result from the student's code proves
 * nothing.
 *
 * <p>The canary runs apart from the student's code, not in the same loop: a correct lock that
 * serialises strictly (a fair lock) would serialise the canary too, and correct code would never
 * get a verdict. It runs for the same time, not the same count: slow correct code ran long enough
 * to meet races, even if the canary covers the same count in a blink.
 *
 * <p>Every poke is a real load and a real store (opaque accesses, which the JIT may neither fold
 * into one addition nor hoist out of the loop), but not an atomic pair. A lesson that runs the
 * student's class in the interpreter should run the canary there too, so that both have windows
 * of the same width: {@code -XX:CompileCommand=exclude,org.threadlings.checks.RaceCanary::*}.
 *
 * <pre>{@code
 * Contention.Result run = Contention.threads(threads).run(i -> ...student's code...);
 * trial.raced(RaceCanary.race(threads, run.elapsed()));
 * }</pre>
 */
public final class RaceCanary {

    private static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(RaceCanary.class, "count", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final int CHECK_CLOCK_EVERY = 64;

    private long count; // guarded by nothing, on purpose: losing updates is its job

    private RaceCanary() {
    }

    /**
     * Races the canary on {@code threads} threads released together, for about {@code duration},
     * and returns how many of its updates were lost.
     */
    public static long race(int threads, Duration duration) {
        RaceCanary canary = new RaceCanary();
        long[] pokes = new long[threads];
        long nanos = duration.toNanos(); // never longer: a longer race would claim chances the student's run never had
        Contention.threads(threads).named("race-canary-").timeout(Duration.ofNanos(nanos).plusSeconds(10))
                .run(i -> pokes[i] = canary.pokeFor(nanos));
        long made = 0;
        for (long p : pokes) {
            made += p; // join() in Contention made the writes visible
        }
        return Math.max(0, made - (long) COUNT.getOpaque(canary));
    }

    /** Pokes until the time is up; returns how many pokes this thread made. */
    private long pokeFor(long nanos) {
        long deadline = System.nanoTime() + nanos;
        long made = 0;
        do {
            for (int k = 0; k < CHECK_CLOCK_EVERY; k++) {
                COUNT.setOpaque(this, (long) COUNT.getOpaque(this) + 1);
            }
            made += CHECK_CLOCK_EVERY;
        } while (System.nanoTime() - deadline < 0);
        return made;
    }
}
