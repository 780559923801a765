package org.threadlings.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadlings.grading.protocol.ChildEvent;
import org.threadlings.grading.protocol.Protocol;

class EventTailTest {

    @TempDir
    Path dir;

    @Test
    void reads_complete_lines_as_they_arrive_and_waits_for_the_rest_of_a_cut_line() throws Exception {
        Path file = dir.resolve("events.jsonl");
        EventTail tail = new EventTail(file);
        assertEquals(List.of(), tail.poll(), "no file yet");

        String started = Protocol.mapper().writeValueAsString(new ChildEvent.Started("check-é"));
        byte[] bytes = (started + "\n").getBytes(StandardCharsets.UTF_8);
        int cut = started.indexOf('é') + 1; // in the middle of the two bytes of é
        Files.write(file, java.util.Arrays.copyOfRange(bytes, 0, cut));
        assertEquals(List.of(), tail.poll());

        Files.write(file, java.util.Arrays.copyOfRange(bytes, cut, bytes.length), StandardOpenOption.APPEND);
        List<ChildEvent> events = tail.poll();
        assertEquals(1, events.size());
        assertEquals("check-é", assertInstanceOf(ChildEvent.Started.class, events.get(0)).id());
    }

    @Test
    void skips_a_line_it_cannot_understand() throws Exception {
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, "not json\n" + Protocol.mapper().writeValueAsString(new ChildEvent.Done()) + "\n");
        List<ChildEvent> events = new EventTail(file).poll();
        assertEquals(1, events.size());
        assertInstanceOf(ChildEvent.Done.class, events.get(0));
    }
}
