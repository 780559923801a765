package org.threadlings.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThreadOriginsTest {

    @AfterEach
    void noCheckRuns() {
        ThreadOrigins.checkEnded();
    }

    @Test
    void each_thread_belongs_to_the_check_that_was_running_when_it_was_made() {
        ThreadOrigins.checkStarting("a", "first");
        Thread platform = new Thread(() -> { }, "worker-1");
        Thread virtual = Thread.ofVirtual().unstarted(() -> { });
        ThreadOrigins.checkStarting("b", "second");
        Thread later = new Thread(() -> { }, "worker-1");
        ThreadOrigins.checkEnded();
        Thread between = new Thread(() -> { });

        assertEquals("first", ThreadOrigins.checkThatStarted(platform.threadId()).orElseThrow().name());
        assertEquals("first", ThreadOrigins.checkThatStarted(virtual.threadId()).orElseThrow().name());
        assertEquals("second", ThreadOrigins.checkThatStarted(later.threadId()).orElseThrow().name());
        assertEquals(Optional.empty(), ThreadOrigins.checkThatStarted(between.threadId()));
    }

    @Test
    void same_named_threads_of_two_checks_are_told_apart_in_activity_reports() {
        ThreadOrigins.checkStarting("a", "first");
        long early = new Thread(() -> { }).threadId();
        ThreadOrigins.checkStarting("b", "second");
        long late = new Thread(() -> { }).threadId();
        List<Frame> stack = List.of(new Frame("shop.Worker", "run", "Worker.java", 9));
        ThreadSnapshot snapshot = new ThreadSnapshot(List.of(
                new ThreadRecord(early, "worker-1", false, false, "WAITING", stack, null, -1, List.of()),
                new ThreadRecord(late, "worker-1", false, false, "WAITING", stack, null, -1, List.of())));

        List<String> lines = ThreadActivity.describe(snapshot, List.of("shop"), 10);

        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("\"worker-1\" #" + early + " WAITING at Worker.java:9")
                && lines.get(0).endsWith("(started while running 'first')"), lines.get(0));
        assertTrue(lines.get(1).startsWith("\"worker-1\" #" + late + " WAITING") && !lines.get(1).contains("started while"),
                lines.get(1));
    }
}
