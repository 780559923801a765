package coordination;

// Wrong: hands the work to an ArrayBlockingQueue instead of building the buffer with Conditions

import java.util.concurrent.ArrayBlockingQueue;

public final class BoundedBuffer<T> {

    private final ArrayBlockingQueue<T> queue;

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        queue = new ArrayBlockingQueue<>(capacity);
    }

    public void put(T item) throws InterruptedException {
        queue.put(item);
    }

    public T take() throws InterruptedException {
        return queue.take();
    }

    public int size() {
        return queue.size();
    }

    public int capacity() {
        return queue.size() + queue.remainingCapacity();
    }
}
