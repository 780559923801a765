package org.threadlings.grading.child;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.threadlings.grading.protocol.ChildEvent;
import org.threadlings.grading.protocol.Protocol;

/**
 * Appends events to the parent's events file, one JSON line each, written through at once so
 * that nothing is lost when the JVM is halted or killed a moment later.
 */
final class EventSink {

    private final ObjectMapper json = Protocol.mapper();
    private final OutputStream out;

    EventSink(Path file) throws IOException {
        out = new FileOutputStream(file.toFile(), true);
    }

    synchronized void emit(ChildEvent event) {
        try {
            byte[] line = (json.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8);
            out.write(line);
            out.flush();
        } catch (IOException e) {
            // The parent is gone or the disk is full; there is nobody left to tell.
        }
    }
}
