package races;

/*
 * Exercise counter-synchronized -- make this counter exact with `synchronized`.
 *
 * The hidden checks start ten threads that each call increment() 100,000 times, all at the
 * same moment, and then expect get() to return exactly 1,000,000. Right now it returns less,
 * and a different amount every run: count++ is three steps (read, add one, write back), and
 * two threads can read the same value before either writes.
 *
 * What to do: make increment() and get() safe to call from many threads at once, using the
 * `synchronized` keyword (on the methods, or as a synchronized block). Do not use atomics or
 * java.util.concurrent.locks here; those are the next two exercises.
 *
 * Edit only the method bodies and modifiers below. Keep the class name and the method
 * signatures: the checks call them.
 *
 *   ./run.sh check counter-synchronized     grade it
 *   ./run.sh hint counter-synchronized      one hint at a time
 */
public class SynchronizedCounter {

    private long count;

    public void increment() {
        count++;
    }

    public long get() {
        return count;
    }
}
