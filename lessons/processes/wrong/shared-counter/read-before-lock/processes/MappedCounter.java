package processes;

// Wrong on purpose: the count is read before the lock is taken, so two processes can still read the same value

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/*
 * Exercise shared-counter -- one count shared by several processes, through a file.
 *
 * Processes share no memory, but they can map the same file into their memory: a write by one is
 * seen by the others, as with Python's multiprocessing.Value. Here the first 8 bytes of a file
 * hold a long, and several worker JVMs each call increment() thousands of times at once.
 *
 * Right now increment() reads the count and writes it back plus one, with nothing to stop two
 * processes from reading the same value: updates are lost. A synchronized method or a
 * ReentrantLock would not help, since each JVM has its own. The operating system's file locks
 * work between processes: FileChannel.lock(position, size, shared) waits until no other process
 * holds a lock on that region, and FileLock.release() (or close()) lets go.
 *
 * What to do: in increment(), hold an exclusive lock on the counter's 8 bytes while you read and
 * write them, and release it in every case (try-with-resources). Edit increment() only.
 *
 *   ./run.sh check shared-counter     grade it
 *   ./run.sh hint shared-counter      one hint at a time
 */
public final class MappedCounter implements AutoCloseable {

    private final FileChannel channel;
    private final MappedByteBuffer cell;

    /** Opens (or creates) {@code file} and maps its first 8 bytes, the count. */
    public MappedCounter(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        cell = channel.map(FileChannel.MapMode.READ_WRITE, 0, Long.BYTES);
    }

    /** Adds one to the count, safely when other processes do the same at the same time. */
    public void increment() throws IOException {
        long next = cell.getLong(0) + 1;
        try (FileLock lock = channel.lock(0, Long.BYTES, false)) {
            cell.putLong(0, next);
        }
    }

    /** The count as it is now. */
    public long get() throws IOException {
        try (FileLock lock = channel.lock(0, Long.BYTES, true)) {
            return cell.getLong(0);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
