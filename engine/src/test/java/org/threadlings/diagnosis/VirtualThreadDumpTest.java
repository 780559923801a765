package org.threadlings.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.threadlings.diagnosis.DeadlockFixtures.eventually;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class VirtualThreadDumpTest {

    /** The shape JDK 25 writes, trimmed to what is read. */
    private static final String DUMP = """
            {"threadDump": {"threadContainers": [
              {"container": "<root>", "threads": [
                {"tid": "1", "name": "main", "state": "RUNNABLE",
                 "stack": ["java.base/java.lang.Thread.sleep0(Native Method)", "app//Main.main(Main.java:3)"]},
                {"tid": "21", "name": "left", "virtual": true, "state": "BLOCKED",
                 "blockedOn": "org.example.Fork@72967906",
                 "stack": ["org.example.Diner.eat(Diner.java:9)",
                           "java.base/java.lang.VirtualThread.run(VirtualThread.java:460)"],
                 "monitorsOwned": [{"depth": 0, "locks": ["org.example.Fork@5b8dfcc1"]}]},
                {"tid": "27", "name": "banker", "virtual": true, "state": "WAITING",
                 "parkBlocker": {"object": "java.util.concurrent.locks.ReentrantLock$NonfairSync@2f9f7dcf"},
                 "stack": ["java.base/java.util.concurrent.locks.LockSupport.park(LockSupport.java:221)",
                           "org.example.Bank.move(Bank.java:20)"]},
                {"tid": "30", "name": "waiter", "virtual": true, "state": "WAITING",
                 "waitingOn": "java.lang.Object@35e2d654",
                 "stack": ["java.base/java.lang.Object.wait0(Native Method)", "org.example.Mailbox.take(Mailbox.java:5)"],
                 "monitorsOwned": [{"depth": 1, "locks": ["java.lang.Object@35e2d654"]},
                                   {"depth": 2, "locks": ["org.example.Fork@11"]}]}
              ,
                {"tid": "31", "name": "notified", "virtual": true, "state": "BLOCKED",
                 "blockedOn": "java.lang.Object@35e2d654",
                 "stack": ["java.base/java.lang.Object.wait0(Native Method)", "org.example.Mailbox.take(Mailbox.java:5)"],
                 "monitorsOwned": [{"depth": 1, "locks": ["java.lang.Object@35e2d654"]}]}
              ]},
              {"container": "java.util.concurrent.ThreadPerTaskExecutor@1", "threads": [
                {"tid": "40", "name": "", "virtual": true, "state": "RUNNABLE", "stack": []}
              ]}
            ]}}
            """;

    private static List<ThreadRecord> parsed() throws Exception {
        return VirtualThreadDump.parse(new ObjectMapper().readTree(DUMP));
    }

    private static ThreadRecord named(String name) throws Exception {
        return parsed().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void readsEveryContainerAndTellsVirtualFromPlatform() throws Exception {
        List<ThreadRecord> threads = parsed();

        assertEquals(List.of(1L, 21L, 27L, 30L, 31L, 40L), threads.stream().map(ThreadRecord::id).toList());
        assertFalse(threads.get(0).virtual());
        assertTrue(threads.stream().skip(1).allMatch(t -> t.virtual() && t.daemon()));
    }

    @Test
    void aBlockedVirtualThreadNamesItsMonitorAndWhatItHolds() throws Exception {
        ThreadRecord left = named("left");

        assertEquals("BLOCKED", left.state());
        assertEquals(new Lock("org.example.Fork@72967906"), left.waitingFor());
        assertEquals(-1, left.owner(), "the dump does not name the owner; the snapshot resolves it");
        assertEquals(List.of(new Lock("org.example.Fork@5b8dfcc1")), left.held());
        assertEquals(new Frame("org.example.Diner", "eat", "Diner.java", 9), left.codeFrame());
    }

    @Test
    void aParkedThreadWaitsForItsParkBlocker() throws Exception {
        ThreadRecord banker = named("banker");

        assertEquals(new Lock("java.util.concurrent.locks.ReentrantLock$NonfairSync@2f9f7dcf"), banker.waitingFor());
        assertEquals(new Frame("org.example.Bank", "move", "Bank.java", 20), banker.codeFrame());
    }

    @Test
    void aThreadInWaitHoldsNeitherTheMonitorItWaitsOnNorWaitsForIt() throws Exception {
        ThreadRecord waiter = named("waiter");

        assertEquals(null, waiter.waitingFor());
        assertEquals(List.of(new Lock("org.example.Fork@11")), waiter.held(), "the other monitor it still holds");
    }

    @Test
    void aThreadBlockedOnAMonitorDoesNotHoldIt() throws Exception {
        ThreadRecord notified = named("notified");

        assertEquals(new Lock("java.lang.Object@35e2d654"), notified.waitingFor());
        assertEquals(List.of(), notified.held(), "back from wait(), it has yet to take the monitor again");
    }

    @Test
    void anEmptyDumpHasNoThreads() throws Exception {
        assertEquals(List.of(), VirtualThreadDump.parse(new ObjectMapper().readTree("{}")));
    }

    @Test
    @Timeout(60)
    void aLiveDumpListsANamedVirtualThreadWithItsStack() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        Thread virtual = Thread.ofVirtual().name("dumped-virtual").start(() -> parkOn(release));
        try {
            eventually(() -> virtual.getState() == Thread.State.WAITING, "the virtual thread to park");

            ThreadRecord seen = VirtualThreadDump.take().stream().filter(t -> t.id() == virtual.threadId())
                    .findFirst().orElseThrow();

            assertEquals("dumped-virtual", seen.name());
            assertTrue(seen.virtual());
            assertEquals("WAITING", seen.state());
            assertEquals("parkOn", seen.codeFrame().methodName());
            assertEquals("VirtualThreadDumpTest.java", seen.codeFrame().fileName());
        } finally {
            release.countDown();
            virtual.join();
        }
    }

    private static void parkOn(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
