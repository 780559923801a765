package org.threadlings.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.threadlings.verdict.CapturedOutput;

class OutputCaptureTest {

    private static CapturedOutput capture(String text, long floodLimit, AtomicInteger floods) {
        OutputCapture capture = new OutputCapture(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                floodLimit, null, floods::incrementAndGet);
        capture.start();
        return capture.result(0);
    }

    @Test
    void keeps_small_output_whole() {
        CapturedOutput out = capture("hello\nworld\n", 1000, new AtomicInteger());
        assertEquals("hello\nworld\n", out.text());
        assertEquals(12, out.totalBytes());
        assertFalse(out.truncated());
    }

    @Test
    void keeps_the_beginning_and_the_end_of_a_flood_and_says_what_was_dropped() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            text.append("line ").append(i).append('\n');
        }
        AtomicInteger floods = new AtomicInteger();
        CapturedOutput out = capture(text.toString(), 100_000, floods);
        assertTrue(out.truncated());
        assertEquals(text.length(), out.totalBytes());
        assertTrue(out.text().startsWith("line 0\nline 1\n"));
        assertTrue(out.text().endsWith("line 99999\n"));
        assertTrue(out.text().contains("bytes not shown"));
        assertTrue(out.text().length() < OutputCapture.HEAD_BYTES + OutputCapture.TAIL_BYTES + 100);
        assertEquals(1, floods.get(), "the owner hears of the flood exactly once");
    }

    @Test
    void the_output_of_a_later_job_starts_where_the_earlier_one_ended() {
        OutputCapture capture = new OutputCapture(new ByteArrayInputStream(
                "first job\nsecond job\n".getBytes(StandardCharsets.UTF_8)), 1000, null, () -> { });
        capture.start();
        CapturedOutput whole = capture.result(0);
        CapturedOutput later = capture.since("first job\n".length());
        assertEquals("first job\nsecond job\n", whole.text());
        assertEquals("second job\n", later.text());
        assertEquals(11, later.totalBytes());
    }
}
