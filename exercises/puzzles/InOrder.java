package puzzles;

/*
 * Exercise in-order -- three threads, three steps, one order.
 *
 * Three threads share one InOrder object. One calls first(step), one second(step), one
 * third(step), each exactly once, and they arrive in any order: third() may be called before
 * first(). Each method must run the step it is given, and the steps must run in order: second's
 * step begins only after first's step has returned, third's only after second's has returned.
 * Right now each method runs its step the moment it is called.
 *
 * What to do: make second() wait until first's step is done, and third() until second's step
 * is done. Pick your tool: synchronized with wait() and notifyAll(), a ReentrantLock and a
 * Condition, two CountDownLatches, or two Semaphores. A thread that waits must sleep (block),
 * not spin in a loop, and it must not guess with Thread.sleep.
 *
 * Edit the bodies of the three methods, and add the fields you need. Keep the class name and
 * the signatures: the checks call them, each from a thread of its own.
 *
 *   ./run.sh check in-order     grade it
 *   ./run.sh hint in-order      one hint at a time
 */
public final class InOrder {

    public void first(Runnable step) throws InterruptedException {
        step.run();
    }

    public void second(Runnable step) throws InterruptedException {
        step.run();
    }

    public void third(Runnable step) throws InterruptedException {
        step.run();
    }
}
