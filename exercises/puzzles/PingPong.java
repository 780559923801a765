package puzzles;

/*
 * Exercise ping-pong -- two threads, strictly taking turns.
 *
 * Two threads share one PingPong. One calls ping(hit), the other pong(hit), each once. ping()
 * must run its hit `rounds` times, and so must pong(), and the hits must alternate strictly:
 * ping, pong, ping, pong, ... ping first, whichever thread arrives first, and each hit on the
 * thread of its own method. Once both have hit `rounds` times, both methods return. Right now
 * each method hits `rounds` times in a row, as fast as it can.
 *
 * What to do: before each hit, wait until it is your turn; after it, give the turn to the
 * other thread. Pick your tool: two Semaphores, synchronized with wait() and notifyAll() on a
 * turn flag, or a ReentrantLock with a Condition. A thread that waits must block, not spin.
 *
 * Edit the bodies of ping() and pong(), and add the fields you need. Keep the class name, the
 * constructor and the signatures: the checks call them, each method from a thread of its own.
 *
 *   ./run.sh check ping-pong     grade it
 *   ./run.sh hint ping-pong      one hint at a time
 */
public final class PingPong {

    private final int rounds;

    public PingPong(int rounds) {
        this.rounds = rounds;
    }

    public void ping(Runnable hit) throws InterruptedException {
        for (int i = 0; i < rounds; i++) {
            hit.run();
        }
    }

    public void pong(Runnable hit) throws InterruptedException {
        for (int i = 0; i < rounds; i++) {
            hit.run();
        }
    }
}
