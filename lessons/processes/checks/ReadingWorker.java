package processes.checks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A reader for the shared-counter checks: {@code FILE} takes a shared lock on the count, as
 * MappedCounter.get() does to read it, prints "holding", keeps the lock until a line arrives on
 * its input, then lets go and prints "released". While it holds, an exclusive lock in another
 * process must wait; a shared one, or none, goes straight through.
 */
public final class ReadingWorker {

    private ReadingWorker() {
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.READ)) {
            try (FileLock lock = channel.lock(0, Long.BYTES, true)) {
                System.out.println("holding");
                in.readLine();
            }
            System.out.println("released");
        }
    }
}
