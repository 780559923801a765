package org.threadlings.grading;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.threadlings.grading.protocol.ChildEvent;
import org.threadlings.grading.protocol.Protocol;

/**
 * Reads the events a grading JVM appends to its events file, as they arrive. A line is used only
 * once it is complete; a line cut short because the JVM died mid-write is dropped.
 */
final class EventTail {

    private final ObjectMapper json = Protocol.mapper();
    private final Path file;
    private long position;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    EventTail(Path file) {
        this.file = file;
    }

    /** Events completed since the last call. */
    List<ChildEvent> poll() {
        List<ChildEvent> events = new ArrayList<>();
        if (!Files.exists(file)) {
            return events;
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length <= position) {
                return events;
            }
            byte[] bytes = new byte[(int) (length - position)];
            in.seek(position);
            in.readFully(bytes);
            position = length;
            partial.writeBytes(bytes);
        } catch (IOException e) {
            return events;
        }
        byte[] pending = partial.toByteArray();
        int lineStart = 0;
        for (int i = 0; i < pending.length; i++) {
            if (pending[i] != '\n') {
                continue;
            }
            String line = new String(pending, lineStart, i - lineStart, StandardCharsets.UTF_8);
            lineStart = i + 1;
            if (!line.isBlank()) {
                try {
                    events.add(json.readValue(line, ChildEvent.class));
                } catch (IOException e) {
                    // not an event we understand; the verdict is built from the rest
                }
            }
        }
        partial.reset();
        partial.write(pending, lineStart, pending.length - lineStart);
        return events;
    }
}
