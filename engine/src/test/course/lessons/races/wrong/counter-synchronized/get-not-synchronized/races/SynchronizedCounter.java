package races;

// Known-wrong: increment() is synchronized but get() is not. Nothing orders the plain read after
// the writes made under the lock, and a long may even be read in two halves (JLS 17.7).
public class SynchronizedCounter {

    private long count;

    public synchronized void increment() {
        count++;
    }

    public long get() {
        return count;
    }
}
