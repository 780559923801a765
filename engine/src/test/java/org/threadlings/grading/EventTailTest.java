package org.threadlings.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadlings.grading.protocol.ChildEvent;
import org.threadlings.grading.protocol.EventSeal;
import org.threadlings.grading.protocol.Protocol;
import org.threadlings.verdict.CheckResult;
import org.threadlings.verdict.CheckStatus;

class EventTailTest {

    @TempDir
    Path dir;

    private final String key = EventSeal.newKey();
    private final EventSeal seal = EventSeal.withKey(key);

    private String line(long n, ChildEvent event) throws Exception {
        return seal.seal(n, Protocol.mapper().writeValueAsString(event)) + "\n";
    }

    private static String pass(String id) throws Exception {
        return Protocol.mapper().writeValueAsString(new ChildEvent.Finished(
                new CheckResult(id, id, CheckStatus.PASS, "", null, List.of(), 1)));
    }

    @Test
    void reads_complete_lines_as_they_arrive_and_waits_for_the_rest_of_a_cut_line() throws Exception {
        Path file = dir.resolve("events.jsonl");
        EventTail tail = new EventTail(file, seal);
        assertEquals(List.of(), tail.poll(), "no file yet");

        byte[] bytes = line(0, new ChildEvent.Started("check-é")).getBytes(StandardCharsets.UTF_8);
        int cut = new String(bytes, StandardCharsets.UTF_8).indexOf('é') + 1; // inside the two bytes of é
        Files.write(file, java.util.Arrays.copyOfRange(bytes, 0, cut));
        assertEquals(List.of(), tail.poll());

        Files.write(file, java.util.Arrays.copyOfRange(bytes, cut, bytes.length), StandardOpenOption.APPEND);
        List<ChildEvent> events = tail.poll();
        assertEquals(1, events.size());
        assertEquals("check-é", assertInstanceOf(ChildEvent.Started.class, events.get(0)).id());
    }

    @Test
    void an_unsealed_line_is_reported_as_tampering_and_never_read_as_an_event() throws Exception {
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, line(0, new ChildEvent.Started("a")) + pass("a") + "\n"
                + line(1, new ChildEvent.Done()));
        List<ChildEvent> events = new EventTail(file, seal).poll();
        assertEquals(3, events.size(), events.toString());
        assertInstanceOf(ChildEvent.Started.class, events.get(0));
        ChildEvent.Tampered tampered = assertInstanceOf(ChildEvent.Tampered.class, events.get(1));
        assertTrue(tampered.seen().contains("did not write") && tampered.seen().contains("finished"), tampered.seen());
        assertInstanceOf(ChildEvent.Done.class, events.get(2));
    }

    @Test
    void a_sealed_line_copied_to_another_place_or_sealed_with_another_key_is_rejected() throws Exception {
        Path file = dir.resolve("events.jsonl");
        String first = line(0, new ChildEvent.Started("a"));
        String foreign = EventSeal.withKey(EventSeal.newKey()).seal(1, pass("a")) + "\n";
        Files.writeString(file, first + first + foreign);
        List<ChildEvent> events = new EventTail(file, seal).poll();
        assertInstanceOf(ChildEvent.Started.class, events.get(0));
        assertInstanceOf(ChildEvent.Tampered.class, events.get(1));
        assertInstanceOf(ChildEvent.Tampered.class, events.get(2));
    }

    @Test
    void anything_after_the_end_of_the_run_is_tampering() throws Exception {
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, line(0, new ChildEvent.Done()) + line(1, new ChildEvent.Started("a")));
        List<ChildEvent> events = new EventTail(file, seal).poll();
        ChildEvent.Tampered tampered = assertInstanceOf(ChildEvent.Tampered.class, events.get(1));
        assertTrue(tampered.seen().startsWith("a line after the end of the run"), tampered.seen());
    }

    @Test
    void a_file_that_shrinks_is_tampering() throws Exception {
        Path file = dir.resolve("events.jsonl");
        EventTail tail = new EventTail(file, seal);
        Files.writeString(file, line(0, new ChildEvent.Started("a")) + line(1, new ChildEvent.Started("b")));
        assertEquals(2, tail.poll().size());
        Files.writeString(file, "");
        ChildEvent.Tampered tampered = assertInstanceOf(ChildEvent.Tampered.class, tail.poll().get(0));
        assertTrue(tampered.seen().contains("was cut"), tampered.seen());
    }

    @Test
    void a_flood_of_forged_lines_is_quoted_a_few_times_then_summed_up() throws Exception {
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, (pass("a") + "\n").repeat(50));
        List<ChildEvent> events = new EventTail(file, seal).poll();
        assertEquals(4, events.size());
        assertEquals("more lines like these followed", ((ChildEvent.Tampered) events.get(3)).seen());
    }
}
