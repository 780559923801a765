package races;

// Known-wrong: the read is synchronized, the write is not. Another thread can read the same
// value between this thread's read and its write.
public class SynchronizedCounter {

    private long count;

    public void increment() {
        long seen;
        synchronized (this) {
            seen = count;
        }
        count = seen + 1;
    }

    public synchronized long get() {
        return count;
    }
}
