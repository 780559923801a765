package coordination;

import java.util.concurrent.Callable;

/*
 * Exercise connection-pool -- at most M callers use the database at once.
 *
 * The database accepts only `size` connections at a time. Any number of threads call
 * withConnection(task); each task needs one connection while it runs. Right now nothing limits
 * them: every caller runs its task at once, however many are already inside.
 *
 * What to do: give the pool one java.util.concurrent.Semaphore with `size` permits, created in
 * the constructor. In withConnection, acquire a permit before the task runs and release it in a
 * finally block, so that a task that throws still gives its connection back. The task's result
 * is returned and its exception goes to the caller, as now.
 *
 * Edit the constructor and withConnection() only; add the field you need.
 *
 *   ./run.sh check connection-pool     grade it
 *   ./run.sh hint connection-pool      one hint at a time
 */
public final class ConnectionPool {

    private final int size;

    /** A pool that lets at most {@code size} callers hold a connection at the same time. */
    public ConnectionPool(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a pool needs at least one connection, not " + size);
        }
        this.size = size;
    }

    /**
     * Runs {@code task} while holding one of the pool's connections, waiting for one to be free
     * if all are in use. Returns what the task returns; throws what the task throws.
     */
    public <T> T withConnection(Callable<T> task) throws Exception {
        return task.call();
    }

    /** How many callers may hold a connection at once. */
    public int size() {
        return size;
    }
}
