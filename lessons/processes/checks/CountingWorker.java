package processes.checks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import processes.MappedCounter;

/**
 * A worker for the shared-counter checks: {@code FILE N MODE} increments the count in FILE N
 * times, with the student's MappedCounter ({@code MODE = student}) or with a plain unguarded
 * read and write ({@code MODE = racy}, the race canary). It prints "ready" and waits for a line
 * on its input before it starts, so that the check can release all workers at once: a JVM takes
 * far longer to start than the increments take.
 */
public final class CountingWorker {

    private CountingWorker() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (args[2].equals("racy")) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                MappedByteBuffer cell = channel.map(FileChannel.MapMode.READ_WRITE, 0, Long.BYTES);
                System.out.println("ready");
                in.readLine();
                for (int i = 0; i < n; i++) {
                    cell.putLong(0, cell.getLong(0) + 1);
                }
            }
        } else {
            try (MappedCounter counter = new MappedCounter(file)) {
                System.out.println("ready");
                in.readLine();
                for (int i = 0; i < n; i++) {
                    counter.increment();
                }
            }
        }
        System.out.println("done");
    }
}
