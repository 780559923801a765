package races;

/*
 * Reference solution for counter-synchronized.
 *
 * Both methods synchronize on the same monitor (this object), so at most one thread at a time
 * runs either of them: the read, the add and the write of count++ happen as one step, and a
 * thread that calls get() afterwards sees every write made under the monitor before it.
 */
public class SynchronizedCounter {

    private long count;

    public synchronized void increment() {
        count++;
    }

    public synchronized long get() {
        return count;
    }
}
