package org.threadlings.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.threadlings.diagnosis.DeadlockFixtures.eventually;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ThreadActivityTest {

    private static final List<String> RACES = List.of("org.example.races");
    private static final Frame SLEEP = new Frame("java.lang.Thread", "sleep0", null, -1);
    private static final Frame INCREMENT = new Frame("org.example.races.Counter", "increment", "Counter.java", 14);
    private static final Frame TOOLKIT = new Frame("org.threadlings.checks.Contention", "lambda$run$0", "Contention.java", 80);
    private static final Frame RUN = new Frame("java.lang.Thread", "run", "Thread.java", 1583);

    /** Ids far from any live thread's, which describe() would take for the caller. */
    private static final long BASE_ID = 1_000_000;

    private static ThreadRecord thread(long id, String name, String state, Frame... stack) {
        return new ThreadRecord(BASE_ID + id, name, false, true, state, List.of(stack), null, -1, List.of());
    }

    private static List<String> describe(int limit, ThreadRecord... threads) {
        return ThreadActivity.describe(new ThreadSnapshot(List.of(threads)), RACES, limit);
    }

    @Test
    void oneLineSaysWhereTheThreadIsInItsOwnCodeAndInsideWhatJdkCall() {
        List<String> lines = describe(10, thread(1, "worker-1", "TIMED_WAITING", SLEEP, INCREMENT, TOOLKIT, RUN));

        assertEquals(List.of("\"worker-1\" TIMED_WAITING at Counter.java:14 in org.example.races.Counter.increment, "
                + "inside Thread.sleep0"), lines);
    }

    @Test
    void aVirtualThreadWaitingForALockSaysSo() {
        ThreadRecord blocked = new ThreadRecord(BASE_ID, "v", true, true, "BLOCKED", List.of(INCREMENT, RUN),
                new Lock("org.example.races.Counter@2a"), 7, List.of());

        assertEquals(List.of("\"v\" (virtual) BLOCKED at Counter.java:14 in org.example.races.Counter.increment, "
                + "waiting for Counter@2a"), ThreadActivity.describe(new ThreadSnapshot(List.of(blocked)), RACES, 10));
    }

    @Test
    void threadsDoingTheSameShareALine() {
        List<String> lines = describe(10,
                thread(1, "w-1", "RUNNABLE", INCREMENT, RUN),
                thread(2, "w-2", "RUNNABLE", INCREMENT, RUN),
                thread(3, "w-3", "BLOCKED", INCREMENT, RUN));

        assertEquals(List.of(
                "\"w-1\", \"w-2\" (2 threads) RUNNABLE at Counter.java:14 in org.example.races.Counter.increment",
                "\"w-3\" BLOCKED at Counter.java:14 in org.example.races.Counter.increment"), lines);
    }

    @Test
    void manyThreadsAreCountedNotAllNamed() {
        List<ThreadRecord> threads = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            threads.add(thread(i, "w-" + i, "RUNNABLE", INCREMENT, RUN));
        }

        List<String> lines = ThreadActivity.describe(new ThreadSnapshot(threads), RACES, 10);

        assertEquals(List.of("\"w-1\", \"w-2\" and 3 more (5 threads) RUNNABLE at Counter.java:14 "
                + "in org.example.races.Counter.increment"), lines);
    }

    @Test
    void threadsOutsideTheFocusPackagesAreLeftOut() {
        List<String> lines = describe(10,
                thread(1, "junit", "RUNNABLE", TOOLKIT, RUN),
                thread(2, "student", "RUNNABLE", INCREMENT, RUN));

        assertEquals(1, lines.size());
        assertTrue(lines.get(0).startsWith("\"student\""), lines.toString());
    }

    @Test
    void theCallingThreadIsLeftOut() {
        long self = Thread.currentThread().threadId();

        List<String> lines = describe(10,
                new ThreadRecord(self, "me", false, false, "RUNNABLE", List.of(INCREMENT, RUN), null, -1, List.of()),
                thread(1, "other", "WAITING", INCREMENT, RUN));

        assertEquals(List.of("\"other\" WAITING at Counter.java:14 in org.example.races.Counter.increment"), lines);
    }

    @Test
    void atMostLimitLines() {
        List<String> lines = describe(2,
                thread(1, "a", "RUNNABLE", INCREMENT, RUN),
                thread(2, "b", "BLOCKED", INCREMENT, RUN),
                thread(3, "c", "WAITING", INCREMENT, RUN));

        assertEquals(2, lines.size());
        assertTrue(lines.get(0).startsWith("\"a\"") && lines.get(1).startsWith("\"b\""), lines.toString());
    }

    @Test
    @Timeout(60)
    void liveSleepersShareOneLineAndTheCallerIsNotAmongThem() throws InterruptedException {
        CountDownLatch wake = new CountDownLatch(1);
        List<Thread> sleepers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sleepers.add(Thread.ofPlatform().daemon().name("sleeper-" + i).start(() -> nap(wake)));
        }
        try {
            eventually(() -> sleepers.stream().allMatch(t -> t.getState() == Thread.State.WAITING),
                    "the sleepers to wait");

            List<String> lines = ThreadActivity.describe(ThreadSnapshot.take(), List.of("org.threadlings.diagnosis"), 100);

            List<String> sleeperLines = lines.stream().filter(l -> l.contains("sleeper-")).toList();
            assertEquals(1, sleeperLines.size(), lines.toString());
            String line = sleeperLines.get(0);
            assertTrue(line.startsWith("\"sleeper-0\", \"sleeper-1\", \"sleeper-2\" (3 threads) WAITING at "
                    + "ThreadActivityTest.java:"), line);
            assertTrue(line.contains(" in org.threadlings.diagnosis.ThreadActivityTest.nap"), line);
            String me = "\"" + Thread.currentThread().getName() + "\"";
            assertTrue(lines.stream().noneMatch(l -> l.startsWith(me) || l.contains(", " + me)), lines.toString());
        } finally {
            wake.countDown();
            for (Thread t : sleepers) {
                t.join();
            }
        }
    }

    private static void nap(CountDownLatch wake) {
        try {
            wake.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
