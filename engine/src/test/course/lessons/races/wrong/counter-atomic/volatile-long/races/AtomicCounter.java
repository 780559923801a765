package races;

// Known-wrong: volatile long instead of an atomic. Visibility is not atomicity: count++ on a
// volatile field still loses updates.
public class AtomicCounter {

    private volatile long count;

    public void increment() {
        count++;
    }

    public long get() {
        return count;
    }
}
