package org.threadlings.grading.child;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.threadlings.grading.protocol.ChildEvent;
import org.threadlings.grading.protocol.EventSeal;
import org.threadlings.grading.protocol.Protocol;

/**
 * The one writer of the events file: a thread that seals each event with the grading's secret
 * ({@link EventSeal}) and appends it.
 *
 * <p>Why a thread: the student's code shares this JVM and may use reflection on any object it can
 * reach through a field of a class outside the JDK. The key and the MAC live only in this
 * thread's task, which the JDK keeps in a private field of {@link Thread} that reflection cannot
 * open; nothing else holds them. Writing the file directly, or a copy of a sealed line, gives a
 * line the parent rejects.
 */
final class SealedWriter {

    /** The two ways in: results and the like, and what the public uncaught-exception handler may send. */
    record Sinks(EventSink results, EventSink deaths) {
    }

    private SealedWriter() {
    }

    /** Starts the writer thread for {@code file}, sealing with {@code key}. */
    static Sinks start(Path file, String key) throws IOException {
        OutputStream out = new FileOutputStream(file.toFile(), true);
        EventSeal seal = EventSeal.withKey(key);
        BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        Object resultsPass = new Object();
        Object deathsPass = new Object();
        Thread writer = new Thread(() -> write(queue, out, seal, resultsPass, deathsPass), "threadlings-events");
        writer.setDaemon(true);
        writer.setPriority(Thread.MAX_PRIORITY);
        writer.start();
        return new Sinks(new EventSink(queue, resultsPass), new EventSink(queue, deathsPass));
    }

    private static void write(BlockingQueue<Object> queue, OutputStream out, EventSeal seal,
                              Object resultsPass, Object deathsPass) {
        ObjectMapper json = Protocol.mapper();
        long sealed = 0;
        boolean closed = false;
        while (true) {
            Object taken;
            try {
                taken = queue.take();
            } catch (InterruptedException e) {
                continue; // only student code would interrupt this thread; the channel stays open
            }
            // The queue is reachable from student code, so anything at all may come out of it.
            ChildEvent event = taken instanceof EventSink.Posted posted
                    ? vetted(posted.event(), posted.from(), resultsPass, deathsPass)
                    : new ChildEvent.Tampered("something other than an event was put in the grader's event queue");
            if (!closed) {
                try {
                    String line = seal.seal(sealed, json.writeValueAsString(event)) + "\n";
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    sealed++;
                } catch (JsonProcessingException e) {
                    // an event that cannot be encoded is dropped; the verdict shows the check as not reported
                } catch (IOException e) {
                    // the parent is gone or the disk is full; there is nobody left to tell
                }
                // Nothing may follow the end of the run: whatever comes after it is not the grader's.
                closed = event instanceof ChildEvent.Done;
            }
            if (taken instanceof EventSink.Posted posted && posted.written() != null) {
                posted.written().countDown();
            }
        }
    }

    /** The event itself, or a report of misuse when it came by a way it may not take. */
    private static ChildEvent vetted(ChildEvent event, Object from, Object resultsPass, Object deathsPass) {
        if (event != null && (from == resultsPass || from == deathsPass && event instanceof ChildEvent.ThreadDied)) {
            return event;
        }
        return new ChildEvent.Tampered("a \"" + kind(event) + "\" event was sent past the grader's own reporting"
                + (from == deathsPass ? ", through the uncaught-exception handler" : ""));
    }

    private static String kind(ChildEvent event) {
        return event == null ? "null" : event.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
