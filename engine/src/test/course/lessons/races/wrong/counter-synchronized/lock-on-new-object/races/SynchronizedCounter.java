package races;

// Known-wrong: a synchronized block on a fresh object. Each call locks its own new monitor,
// so no two threads ever wait for each other.
public class SynchronizedCounter {

    private long count;

    public void increment() {
        synchronized (new Object()) {
            count++;
        }
    }

    public long get() {
        synchronized (this) {
            return count;
        }
    }
}
