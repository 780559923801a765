package org.threadlings.checks;

import java.time.Duration;

/**
 * A counter that is racy on purpose: the control of a race experiment. After each run of the
 * student's code, run a canary through the same harness, on as many threads, with as many
 * increments each. If it lost updates, a plain racy counter doing exactly this work under the
 * conditions of this trial would have lost some: a race had its chance to show. If it lost none
 * (one core, where each thread may finish its share within one time slice; a machine too busy;
 * a run too short for the threads to meet), an exact result from the student's code proves
 * nothing.
 *
 * <p>Why the same work and the same harness, not the same time: on one core, a canary that runs
 * for as long as the student's run keeps every thread busy for that whole time and is preempted
 * again and again mid-increment, while the student's threads, each done with its share within
 * one time slice, were hardly ever preempted at all. The canary would then claim chances the
 * student's run never had. And why apart from the student's code, not in the same loop: a
 * correct lock that serialises strictly (a fair lock) would serialise the canary too, and correct
 * code would never get a verdict.
 *
 * <p>{@link #poke()} is a plain {@code count++}, the narrowest racy increment there is, so that no
 * student's racy counter has a narrower window than the control. A lesson that runs the student's
 * class in the interpreter must run the canary there too, or the JIT folds its loop into one
 * addition: {@code -XX:CompileCommand=exclude,org.threadlings.checks.RaceCanary::*}.
 *
 * <pre>{@code
 * RaceCanary canary = new RaceCanary();
 * harness.run(threads, each, canary::poke);           // the same loop the student's code ran in
 * trial.raced(canary.lost((long) threads * each));
 * }</pre>
 */
public final class RaceCanary {

    private long count; // guarded by nothing, on purpose: losing updates is its job

    /** One racy increment: a plain read, add and write. */
    public void poke() {
        count++;
    }

    /**
     * How many of {@code made} pokes were lost. Call it after the poking threads were joined, which
     * makes their writes visible here.
     */
    public long lost(long made) {
        return Math.max(0, made - count);
    }

    /**
     * Races a canary on {@code threads} threads released together, {@code each} pokes per thread,
     * in a plain loop, and returns how many updates were lost. For checks whose own loop is as
     * plain; a check with a harness of its own should run the canary through it instead.
     */
    public static long race(int threads, int each) {
        RaceCanary canary = new RaceCanary();
        Contention.threads(threads).named("race-canary-").timeout(Duration.ofSeconds(30)).run(i -> {
            for (int k = 0; k < each; k++) {
                canary.poke();
            }
        });
        return canary.lost((long) threads * each);
    }
}
