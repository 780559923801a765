package org.threadlings.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ClassInitDeadlockTest {

    /** Two classes whose static initialisers need each other: started by two threads at once, they deadlock. */
    static final class Left {
        static final int VALUE;

        static {
            BOTH_STARTED.countDown();
            await();
            VALUE = Right.VALUE + 1;
        }
    }

    static final class Right {
        static final int VALUE;

        static {
            BOTH_STARTED.countDown();
            await();
            VALUE = Left.VALUE + 1;
        }
    }

    static final CountDownLatch BOTH_STARTED = new CountDownLatch(2);

    private static void await() {
        try {
            BOTH_STARTED.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void two_threads_in_each_others_static_initialisers_are_found_and_named() throws Exception {
        // The two threads stay stuck for the rest of this JVM's life: daemons, so they do not keep it alive.
        Thread left = new Thread(() -> System.out.println(Left.VALUE), "init-left");
        Thread right = new Thread(() -> System.out.println(Right.VALUE), "init-right");
        left.setDaemon(true);
        right.setDaemon(true);
        left.start();
        right.start();
        BOTH_STARTED.await();

        Optional<ClassInitDeadlock> found = Optional.empty();
        List<ClassInitDeadlock.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 100 && found.isEmpty(); i++) {
            Thread.sleep(100);
            samples.add(ClassInitDeadlock.Sample.take());
            found = ClassInitDeadlock.find(samples.subList(Math.max(0, samples.size() - 3), samples.size()));
        }
        assertTrue(found.isPresent(), "no class initialisation deadlock found");
        String text = found.get().describe();
        assertTrue(text.contains("\"init-left\" (thread " + left.threadId() + ") is initialising ClassInitDeadlockTest$Left"),
                text);
        assertTrue(text.contains("\"init-right\" (thread " + right.threadId() + ") is initialising ClassInitDeadlockTest$Right"),
                text);
        assertTrue(text.contains("ClassInitDeadlockTest.java:"), text);
    }

    @Test
    void a_thread_that_uses_cpu_in_a_static_initialiser_is_busy_not_stuck() {
        List<Frame> stack = List.of(new Frame("a.Slow", "<clinit>", "Slow.java", 3));
        List<Frame> other = List.of(new Frame("a.Other", "<clinit>", "Other.java", 7));
        ClassInitDeadlock.Sample before = new ClassInitDeadlock.Sample(Map.of(
                1L, new ClassInitDeadlock.Sample.Entry("busy", stack, 0),
                2L, new ClassInitDeadlock.Sample.Entry("idle", other, 0)));
        ClassInitDeadlock.Sample after = new ClassInitDeadlock.Sample(Map.of(
                1L, new ClassInitDeadlock.Sample.Entry("busy", stack, 900_000_000),
                2L, new ClassInitDeadlock.Sample.Entry("idle", other, 0)));
        assertEquals(Optional.empty(), ClassInitDeadlock.find(List.of(before, after)), "one idle thread is no cycle");
    }
}
