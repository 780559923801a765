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
import java.util.Optional;
import org.threadlings.grading.protocol.ChildEvent;
import org.threadlings.grading.protocol.EventSeal;
import org.threadlings.grading.protocol.Protocol;

/**
 * Reads the events a grading JVM appends to its events file, as they arrive. A line is used only
 * once it is complete; a line cut short because the JVM died mid-write is dropped.
 *
 * <p>Only lines sealed with this grading's key, in order, are events ({@link EventSeal}). Any
 * other line, a line after the end of the run, or a file that shrinks, was written by the
 * student's code: it becomes a {@link ChildEvent.Tampered} that says what was seen, and its
 * content is never used.
 */
final class EventTail {

    /** Forged lines quoted in the verdict; past this many they are only counted. */
    private static final int QUOTED = 3;
    private static final int QUOTE_CHARS = 120;

    private final ObjectMapper json = Protocol.mapper();
    private final Path file;
    private final EventSeal seal;
    private long position;
    private long authentic;
    private int forged;
    private boolean ended;
    private boolean shrinkSeen;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    EventTail(Path file, EventSeal seal) {
        this.file = file;
        this.seal = seal;
    }

    /** Events completed since the last call. */
    List<ChildEvent> poll() {
        List<ChildEvent> events = new ArrayList<>();
        if (!Files.exists(file)) {
            return events;
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length < position && !shrinkSeen) {
                shrinkSeen = true;
                events.add(new ChildEvent.Tampered("the events file was cut from " + position + " to " + length
                        + " bytes; the grader only ever appends to it"));
            }
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
                read(line).ifPresent(events::add);
            }
        }
        partial.reset();
        partial.write(pending, lineStart, pending.length - lineStart);
        return events;
    }

    private Optional<ChildEvent> read(String line) {
        Optional<String> content = ended ? Optional.empty() : seal.open(authentic, line);
        if (content.isEmpty()) {
            return forgery(line);
        }
        authentic++;
        try {
            ChildEvent event = json.readValue(content.get(), ChildEvent.class);
            ended = event instanceof ChildEvent.Done;
            return Optional.of(event);
        } catch (IOException e) {
            return Optional.empty(); // sealed by the grader but from a newer protocol: the verdict is built from the rest
        }
    }

    private Optional<ChildEvent> forgery(String line) {
        forged++;
        if (forged > QUOTED) {
            return forged == QUOTED + 1
                    ? Optional.of(new ChildEvent.Tampered("more lines like these followed")) : Optional.empty();
        }
        String quoted = line.length() <= QUOTE_CHARS ? line : line.substring(0, QUOTE_CHARS) + "…";
        return Optional.of(new ChildEvent.Tampered((ended ? "a line after the end of the run" : "a line the grader did not write")
                + " appeared in its events file: " + quoted));
    }
}
