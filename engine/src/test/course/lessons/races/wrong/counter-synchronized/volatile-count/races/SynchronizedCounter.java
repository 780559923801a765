package races;

// Known-wrong: volatile instead of synchronized. Every read sees the latest write, but count++
// is still a read and a separate write, so two threads can write back the same value.
public class SynchronizedCounter {

    private volatile long count;

    public void increment() {
        count++;
    }

    public long get() {
        return count;
    }
}
