package org.threadlings.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.threadlings.diagnosis.DeadlockFixtures.eventually;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.threadlings.diagnosis.DeadlockFixtures.Fork;

@Timeout(60)
class ThreadSnapshotTest {

    @Test
    void seesPlatformAndVirtualThreadsWithTheirKind() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        Thread platform = Thread.ofPlatform().daemon().name("snap-platform").start(() -> hold(release));
        Thread virtual = Thread.ofVirtual().name("snap-virtual").start(() -> hold(release));
        try {
            eventually(() -> platform.getState() == Thread.State.WAITING && virtual.getState() == Thread.State.WAITING,
                    "both threads to park");

            ThreadSnapshot snapshot = ThreadSnapshot.take();

            ThreadRecord p = snapshot.thread(platform.threadId()).orElseThrow();
            ThreadRecord v = snapshot.thread(virtual.threadId()).orElseThrow();
            assertEquals("snap-platform", p.name());
            assertFalse(p.virtual());
            assertTrue(p.daemon());
            assertEquals("snap-virtual", v.name());
            assertTrue(v.virtual());
            assertEquals("hold", p.codeFrame().methodName());
            assertEquals("hold", v.codeFrame().methodName());
            assertTrue(p.runsCodeIn("org.threadlings.diagnosis"));
            assertEquals(1, snapshot.threads().stream().filter(t -> t.id() == virtual.threadId()).count());
        } finally {
            release.countDown();
            platform.join();
            virtual.join();
        }
    }

    @Test
    void anUnknownIdIsEmpty() {
        assertEquals(Optional.empty(), ThreadSnapshot.take().thread(-42));
    }

    @Test
    void aThreadBlockedOnAMonitorNamesItAndItsOwner() throws InterruptedException {
        Fork fork = new Fork();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        Thread holder = Thread.ofVirtual().name("fork-holder").start(() -> {
            synchronized (fork) {
                holding.countDown();
                hold(release);
            }
        });
        assertTrue(holding.await(20, TimeUnit.SECONDS));
        Thread blocked = Thread.ofPlatform().daemon().name("fork-wanter").start(() -> {
            synchronized (fork) {
                fork.hashCode();
            }
        });
        try {
            eventually(() -> blocked.getState() == Thread.State.BLOCKED, "the second thread to block");

            ThreadSnapshot snapshot = ThreadSnapshot.take();

            ThreadRecord h = snapshot.thread(holder.threadId()).orElseThrow();
            ThreadRecord b = snapshot.thread(blocked.threadId()).orElseThrow();
            Lock forkLock = new Lock(Fork.class.getName() + "@" + Integer.toHexString(System.identityHashCode(fork)));
            assertTrue(h.held().contains(forkLock), h.toString());
            assertEquals("BLOCKED", b.state(), b.toString());
            assertEquals(forkLock, b.waitingFor());
            assertEquals(holder.threadId(), b.owner());
        } finally {
            release.countDown();
            holder.join();
            blocked.join();
        }
    }

    @Test
    void aVirtualThreadParkedOnAReentrantLockNamesItsOwner() throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        Thread holder = Thread.ofVirtual().name("lock-holder").start(() -> {
            lock.lock();
            try {
                holding.countDown();
                hold(release);
            } finally {
                lock.unlock();
            }
        });
        assertTrue(holding.await(20, TimeUnit.SECONDS));
        Thread parked = Thread.ofVirtual().name("lock-wanter").start(() -> {
            lock.lock();
            lock.unlock();
        });
        try {
            eventually(() -> parked.getState() == Thread.State.WAITING, "the second thread to park");

            ThreadRecord p = ThreadSnapshot.take().thread(parked.threadId()).orElseThrow();

            assertEquals(holder.threadId(), p.owner(), p.toString());
            assertTrue(p.waitingFor().displayName().startsWith("ReentrantLock@"), p.toString());
        } finally {
            release.countDown();
            holder.join();
            parked.join();
        }
    }

    @Test
    void aPlatformThreadInWaitIsNotWaitingForALock() throws InterruptedException {
        Object mailbox = new Object();
        Thread waiter = Thread.ofPlatform().daemon().name("mail-waiter").start(() -> {
            synchronized (mailbox) {
                try {
                    mailbox.wait();
                } catch (InterruptedException e) {
                    // released by the test
                }
            }
        });
        try {
            eventually(() -> waiter.getState() == Thread.State.WAITING, "the waiter to wait");

            ThreadRecord w = ThreadSnapshot.take().thread(waiter.threadId()).orElseThrow();

            assertEquals("WAITING", w.state());
            assertNull(w.waitingFor(), w.toString());
            assertEquals(List.of(), w.held(), w.toString());
        } finally {
            waiter.interrupt();
            waiter.join();
        }
    }

    /**
     * The JSON dump sometimes lists the monitor a virtual thread wait()s on as owned without
     * saying it waits on it; the thread that really holds it must still be found as the owner.
     */
    @Test
    void theRealOwnerWinsOverAThreadInWaitThatStillListsTheMonitor() {
        Lock fork = new Lock("org.example.Fork@1");
        Lock knife = new Lock("org.example.Knife@2");
        List<Frame> waiting = List.of(new Frame("java.lang.Object", "wait0", null, -1),
                new Frame("org.example.Mailbox", "take", "Mailbox.java", 5));
        List<Frame> eating = List.of(new Frame("org.example.Diner", "eat", "Diner.java", 9));
        ThreadRecord waiter = new ThreadRecord(1_000_001, "waiter", true, true, "WAITING", waiting, null, -1,
                List.of(knife));
        ThreadRecord holder = new ThreadRecord(1_000_002, "holder", true, true, "BLOCKED", eating, fork, -1,
                List.of(knife));
        ThreadRecord wanter = new ThreadRecord(1_000_003, "wanter", true, true, "BLOCKED", eating, knife, -1,
                List.of(fork));

        for (List<ThreadRecord> order : List.of(List.of(waiter, holder, wanter), List.of(holder, waiter, wanter))) {
            ThreadSnapshot snapshot = new ThreadSnapshot(ThreadSnapshot.ownersResolved(order));

            assertEquals(holder.id(), snapshot.thread(wanter.id()).orElseThrow().owner(), order.toString());
            assertEquals(wanter.id(), snapshot.thread(holder.id()).orElseThrow().owner(), order.toString());
            assertEquals(1, Deadlock.findAll(snapshot).size());
        }
    }

    @Test
    void aThreadInWaitAloneStillCountsAsTheOwner() {
        Lock knife = new Lock("org.example.Knife@2");
        ThreadRecord waiter = new ThreadRecord(1_000_001, "waiter", true, true, "WAITING",
                List.of(new Frame("java.lang.Object", "wait0", null, -1)), null, -1, List.of(knife));
        ThreadRecord wanter = new ThreadRecord(1_000_003, "wanter", true, true, "BLOCKED", List.of(), knife, -1,
                List.of());

        List<ThreadRecord> resolved = ThreadSnapshot.ownersResolved(List.of(waiter, wanter));

        // No one else claims it: the best guess left, and no cycle can run through a thread in wait().
        assertEquals(waiter.id(), resolved.get(1).owner());
        assertEquals(List.of(), Deadlock.findAll(new ThreadSnapshot(resolved)));
    }

    private static void hold(CountDownLatch release) {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
