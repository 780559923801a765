package coordination;

// Wrong: put() waits only when count > capacity, so it inserts into a full buffer

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Exercise bounded-buffer -- producers and consumers that wait for each other.
 *
 * A buffer of fixed capacity between threads that put items in and threads that take them
 * out. Right now put() and take() never wait: put() on a full buffer and take() on an empty one
 * throw IllegalStateException.
 *
 * What to do: make put() wait while the buffer is full and take() wait while it is empty, with
 * the lock and the two Conditions below. Wait in a while loop that tests the state again after
 * every wake-up (another thread may have been first), and after changing the buffer signal the
 * Condition the other side waits on: put() signals notEmpty, take() signals notFull.
 *
 * Edit put() and take() only. The code below the line "Given" stores the items; leave it.
 *
 *   ./run.sh check bounded-buffer     grade it
 *   ./run.sh hint bounded-buffer      one hint at a time
 */
public final class BoundedBuffer<T> {

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when an item was taken: producers wait on it while the buffer is full. */
    private final Condition notFull = lock.newCondition();
    /** Signalled when an item was put: consumers wait on it while the buffer is empty. */
    private final Condition notEmpty = lock.newCondition();
    private final Object[] items;
    private int head;
    private int count;

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        items = new Object[capacity];
    }

    /** Adds {@code item} at the tail, waiting while the buffer is full. */
    public void put(T item) throws InterruptedException {
        lock.lock();
        try {
            // while, not if: a woken producer may find the buffer full again, filled by a
            // producer that took the lock first.
            while (count > items.length) {
                notFull.await();
            }
            insert(item);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Removes and returns the item at the head, waiting while the buffer is empty. */
    public T take() throws InterruptedException {
        lock.lock();
        try {
            while (isEmpty()) {
                notEmpty.await();
            }
            T item = extract();
            notFull.signal();
            return item;
        } finally {
            lock.unlock();
        }
    }

    /** How many items the buffer holds right now. */
    public int size() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    public int capacity() {
        return items.length;
    }

    // ---- Given: the ring of items. Call these with the lock held. ----

    private boolean isFull() {
        return count == items.length;
    }

    private boolean isEmpty() {
        return count == 0;
    }

    private void insert(T item) {
        if (isFull()) {
            throw new IllegalStateException("put into a full buffer (capacity " + items.length + ")");
        }
        items[(head + count) % items.length] = item;
        count++;
    }

    @SuppressWarnings("unchecked")
    private T extract() {
        if (isEmpty()) {
            throw new IllegalStateException("took from an empty buffer");
        }
        T item = (T) items[head];
        items[head] = null;
        head = (head + 1) % items.length;
        count--;
        return item;
    }
}
