package races;

import java.util.concurrent.atomic.AtomicLong;

// Known-wrong: a new AtomicLong for every increment. Replacing the reference is a plain
// read-modify-write of the field, as racy as count++.
public class AtomicCounter {

    private AtomicLong count = new AtomicLong();

    public void increment() {
        count = new AtomicLong(count.get() + 1);
    }

    public long get() {
        return count.get();
    }
}
