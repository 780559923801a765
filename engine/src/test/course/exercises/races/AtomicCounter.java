package races;

/*
 * Exercise counter-atomic -- make this counter exact with an atomic variable, no lock at all.
 *
 * Same checks as before: ten threads call increment() 100,000 times each, at once, and get()
 * must then return exactly 1,000,000.
 *
 * What to do: replace the plain `long` with a class from java.util.concurrent.atomic
 * (AtomicLong, or LongAdder, which is faster when many threads add at once) and use it in
 * increment() and get(). Do not use `synchronized` or a Lock here.
 *
 * Edit the field and the two method bodies. Keep the class name and the method signatures.
 *
 *   ./run.sh check counter-atomic     grade it
 *   ./run.sh hint counter-atomic      one hint at a time
 */
public class AtomicCounter {

    private long count;

    public void increment() {
        count++;
    }

    public long get() {
        return count;
    }
}
