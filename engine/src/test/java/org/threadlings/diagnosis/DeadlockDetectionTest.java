package org.threadlings.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.threadlings.diagnosis.DeadlockFixtures.acknowledgeAll;
import static org.threadlings.diagnosis.DeadlockFixtures.awaitCycle;
import static org.threadlings.diagnosis.DeadlockFixtures.MIXED;
import static org.threadlings.diagnosis.DeadlockFixtures.PLATFORM;
import static org.threadlings.diagnosis.DeadlockFixtures.VIRTUAL;
import static org.threadlings.diagnosis.DeadlockFixtures.eventually;
import static org.threadlings.diagnosis.DeadlockFixtures.stopped;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.threadlings.diagnosis.DeadlockFixtures.Fork;
import org.threadlings.diagnosis.DeadlockFixtures.Knife;
import org.threadlings.diagnosis.DeadlockFixtures.Stuck;

/** Real deadlocks, found in live snapshots of this JVM. */
@Timeout(60)
class DeadlockDetectionTest {

    private static final Pattern REENTRANT = Pattern.compile("ReentrantLock@[0-9a-f]+");

    private final List<Stuck> made = new ArrayList<>();

    @AfterEach
    void acknowledgeAndRelease() throws InterruptedException {
        // Later tests look for new deadlocks only; the threads of these ones never move again.
        acknowledgeAll();
        for (Stuck stuck : made) {
            stuck.release();
        }
    }

    private Stuck keep(Stuck stuck) {
        made.add(stuck);
        return stuck;
    }

    @Test
    void monitorsBetweenPlatformThreads() {
        Fork fork = new Fork();
        Knife knife = new Knife();
        Stuck stuck = keep(DeadlockFixtures.monitors(PLATFORM, "diner-p-", fork, knife));

        Deadlock deadlock = awaitCycle(stuck);

        assertEquals(2, deadlock.links().size());
        String text = deadlock.describe();
        assertTrue(text.contains(link(stuck, 0, false, monitor(knife))), text);
        assertTrue(text.contains(link(stuck, 1, false, monitor(fork))), text);
        assertEquals(2, text.lines().count(), text);
    }

    @Test
    void reentrantLocksBetweenPlatformThreads() {
        Stuck stuck = keep(DeadlockFixtures.reentrantLocks(PLATFORM, "banker-p-", 2));

        Deadlock deadlock = awaitCycle(stuck);

        assertReentrantCycle(stuck, deadlock, false);
    }

    @Test
    void aCycleOfTimedWaitsIsNoDeadlock() {
        Stuck jam = keep(DeadlockFixtures.timedReentrantLocks(PLATFORM, "polite-p-", 3));
        DeadlockFixtures.eventually(() -> jam.threads().stream().allMatch(t -> t.getState() == Thread.State.TIMED_WAITING),
                "every thread waiting, with a timeout, for the next one's lock");

        Set<Long> ids = jam.ids();
        List<Deadlock> found = Deadlock.findAll(ThreadSnapshot.take());

        // Each of them gives up when its tryLock times out: on a crowded machine that can take
        // long after the timeout, and a correct back-off solution must not be called deadlocked.
        assertTrue(found.stream().noneMatch(d -> d.links().stream().anyMatch(l -> ids.contains(l.thread().id()))),
                found.toString());
    }

    @Test
    void aThreadShownBlockedOnItsOwnMonitorIsNoDeadlock() {
        // What a thread dump can show for an instant while a thread enters a monitor it was just
        // given: seen twice in a row, it once reported a one-thread "deadlock" for a table lock.
        Lock table = new Lock("puzzles.Philosophers@614ca7df");
        ThreadRecord entering = new ThreadRecord(31, "philosopher 3", false, true, "BLOCKED",
                List.of(new Frame("puzzles.Philosophers", "dine", "Philosophers.java", 14)), table, 31, List.of(table));

        assertEquals(List.of(), Deadlock.findAll(new ThreadSnapshot(List.of(entering))));
    }

    @Test
    void aThreadWaitingForItsOwnLockThatIsNotReentrantIsADeadlock() {
        Lock mutex = new Lock("puzzles.Mutex$Sync@1b6d3586");
        ThreadRecord stuck = new ThreadRecord(32, "worker", false, false, "WAITING",
                List.of(new Frame("puzzles.Mutex", "lock", "Mutex.java", 20)), mutex, 32, List.of(mutex));

        assertEquals(1, Deadlock.findAll(new ThreadSnapshot(List.of(stuck))).size());
    }

    @Test
    void monitorsBetweenVirtualThreads() {
        Fork fork = new Fork();
        Knife knife = new Knife();
        Stuck stuck = keep(DeadlockFixtures.monitors(VIRTUAL, "diner-v-", fork, knife));

        Deadlock deadlock = awaitCycle(stuck);

        String text = deadlock.describe();
        assertTrue(text.contains(link(stuck, 0, true, monitor(knife))), text);
        assertTrue(text.contains(link(stuck, 1, true, monitor(fork))), text);
        assertTrue(deadlock.links().stream().allMatch(l -> l.thread().virtual()));
    }

    @Test
    void reentrantLocksBetweenVirtualThreads() {
        Stuck stuck = keep(DeadlockFixtures.reentrantLocks(VIRTUAL, "banker-v-", 2));

        Deadlock deadlock = awaitCycle(stuck);

        assertReentrantCycle(stuck, deadlock, true);
    }

    @Test
    void threeThreadCycle() {
        Fork a = new Fork();
        Fork b = new Fork();
        Fork c = new Fork();
        Stuck stuck = keep(DeadlockFixtures.monitors(PLATFORM, "philosopher-", a, b, c));

        Deadlock deadlock = awaitCycle(stuck);

        assertEquals(3, deadlock.links().size());
        String text = deadlock.describe();
        assertTrue(text.contains(link(stuck, 0, false, monitor(b))), text);
        assertTrue(text.contains(link(stuck, 1, false, monitor(c))), text);
        assertTrue(text.contains(link(stuck, 2, false, monitor(a))), text);
        // In cycle order: each link's owner is the next link's thread.
        for (int i = 0; i < 3; i++) {
            assertEquals(deadlock.links().get(i).owner().id(), deadlock.links().get((i + 1) % 3).thread().id());
        }
    }

    @Test
    void reentrantLockCycleAmongFourVirtualThreads() {
        Stuck stuck = keep(DeadlockFixtures.reentrantLocks(VIRTUAL, "ring-", 4));

        Deadlock deadlock = awaitCycle(stuck);

        assertEquals(4, deadlock.links().size());
    }

    /** A platform thread blocked on a monitor that a virtual thread holds, and the other way round. */
    @Test
    void monitorsBetweenPlatformAndVirtualThreads() {
        Fork fork = new Fork();
        Knife knife = new Knife();
        Stuck stuck = keep(DeadlockFixtures.monitors(MIXED, "mixed-", fork, knife));

        Deadlock deadlock = awaitCycle(stuck);

        String text = deadlock.describe();
        assertTrue(text.contains(link(stuck, 0, false, monitor(knife))), text);
        assertTrue(text.contains(link(stuck, 1, true, monitor(fork))), text);
    }

    @Test
    void reentrantLocksBetweenPlatformAndVirtualThreads() {
        Stuck stuck = keep(DeadlockFixtures.reentrantLocks(MIXED, "mixed-rl-", 2));

        Deadlock deadlock = awaitCycle(stuck);

        assertEquals(stuck.ids(), deadlock.links().stream().map(l -> l.thread().id()).collect(Collectors.toSet()));
    }

    @Test
    void findNewReportsADeadlockOnceItIsConfirmedAndNotAfterItIsAcknowledged() {
        acknowledgeAll();
        assertEquals(Optional.empty(), DeadlockDetector.findNew(), "no new deadlock before the test makes one");
        Stuck stuck = keep(DeadlockFixtures.monitors(PLATFORM, "ack-", new Fork(), new Knife()));
        awaitCycle(stuck);

        Deadlock found = DeadlockDetector.findNew().orElseThrow();
        assertEquals(stuck.ids(), found.links().stream().map(l -> l.thread().id()).collect(Collectors.toSet()));
        assertTrue(DeadlockDetector.findNew().isPresent(), "finding is not reporting: still new until acknowledged");

        DeadlockDetector.acknowledge(found);
        assertEquals(Optional.empty(), DeadlockDetector.findNew());
    }

    @Test
    void acknowledgingOneDeadlockLeavesAnotherNew() {
        acknowledgeAll();
        Stuck first = keep(DeadlockFixtures.monitors(PLATFORM, "first-", new Fork(), new Knife()));
        DeadlockDetector.acknowledge(awaitCycle(first));
        Stuck second = keep(DeadlockFixtures.reentrantLocks(VIRTUAL, "second-", 2));
        awaitCycle(second);

        Deadlock found = DeadlockDetector.findNew().orElseThrow();

        assertEquals(second.ids(), found.links().stream().map(l -> l.thread().id()).collect(Collectors.toSet()));
    }

    @Test
    void contendingForALockIsNoDeadlock() throws InterruptedException {
        Fork fork = new Fork();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        Thread holder = Thread.ofPlatform().daemon().name("holder").start(() -> {
            synchronized (fork) {
                holding.countDown();
                await(letGo);
            }
        });
        await(holding);
        List<Thread> contenders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread.Builder builder = i % 2 == 0 ? Thread.ofPlatform().daemon() : Thread.ofVirtual();
            contenders.add(builder.name("contender-" + i).start(() -> {
                synchronized (fork) {
                    fork.hashCode();
                }
            }));
        }
        try {
            eventually(() -> contenders.stream().allMatch(t -> t.getState() == Thread.State.BLOCKED),
                    "the contenders to block");
            ThreadSnapshot snapshot = ThreadSnapshot.take();

            // The snapshot does see the contention: every contender waits for the fork the holder holds.
            for (Thread t : contenders) {
                ThreadRecord r = snapshot.thread(t.threadId()).orElseThrow();
                assertEquals(monitor(fork), r.waitingFor().displayName(), r.toString());
                assertEquals(holder.threadId(), r.owner(), r.toString());
            }
            assertNoCycleAmong(snapshot, Set.of(holder, contenders.get(0), contenders.get(1), contenders.get(2)));
        } finally {
            letGo.countDown();
            for (Thread t : contenders) {
                t.join();
            }
        }
    }

    /**
     * Each thread holds one lock and waits for a signal about the other; were waiting for a
     * signal counted as waiting for a lock, this would look like a cycle.
     */
    @Test
    void waitingForASignalIsNoDeadlock() throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        Condition ready = lock.newCondition();
        Object mailbox = new Object();
        List<Thread> waiters = List.of(
                Thread.ofPlatform().daemon().name("awaits-condition-p").start(() -> awaitSignal(lock, ready)),
                Thread.ofVirtual().name("awaits-condition-v").start(() -> awaitSignal(lock, ready)),
                Thread.ofPlatform().daemon().name("waits-on-object-p").start(() -> waitOn(mailbox)),
                Thread.ofVirtual().name("waits-on-object-v").start(() -> waitOn(mailbox)));
        try {
            eventually(() -> waiters.stream().allMatch(t -> t.getState() == Thread.State.WAITING),
                    "the waiters to wait");
            ThreadSnapshot snapshot = ThreadSnapshot.take();

            for (Thread t : waiters) {
                ThreadRecord r = snapshot.thread(t.threadId()).orElseThrow();
                assertTrue(r.waitingFor() == null || r.owner() == -1, "a waiter names an owner: " + r);
            }
            assertNoCycleAmong(snapshot, Set.copyOf(waiters));
        } finally {
            waiters.forEach(Thread::interrupt);
            for (Thread t : waiters) {
                t.join();
            }
        }
    }

    /**
     * A thread in {@code wait()} has let go of the monitor; the real owner is whoever entered it
     * since. Taking the waiter for the owner would break the chain and hide this deadlock.
     */
    @Test
    void aThreadWaitingOnALockDoesNotHideItsRealOwner() {
        Fork fork = new Fork();
        Knife knife = new Knife();
        Thread waiter = Thread.ofVirtual().name("idle-waiter").start(() -> waitOn(knife));
        try {
            eventually(() -> waiter.getState() == Thread.State.WAITING, "the waiter to wait");
            // Thread 0 holds the fork and wants the knife; thread 1 holds the knife and wants the fork.
            Stuck stuck = keep(DeadlockFixtures.monitors(VIRTUAL, "after-waiter-", fork, knife));

            Deadlock deadlock = awaitCycle(stuck);

            String text = deadlock.describe();
            assertTrue(text.contains(link(stuck, 0, true, monitor(knife))), text);
            assertFalse(text.contains("idle-waiter"), text);
        } finally {
            // It cannot leave wait() without the knife, which the cycle keeps forever.
            waiter.interrupt();
        }
    }

    private static void assertNoCycleAmong(ThreadSnapshot snapshot, Set<Thread> threads) {
        Set<Long> ids = threads.stream().map(Thread::threadId).collect(Collectors.toSet());
        List<Deadlock> involving = Deadlock.findAll(snapshot).stream()
                .filter(d -> d.links().stream().anyMatch(l -> ids.contains(l.thread().id())))
                .toList();
        assertEquals(List.of(), involving);
    }

    private static void assertReentrantCycle(Stuck stuck, Deadlock deadlock, boolean virtual) {
        assertEquals(2, deadlock.links().size());
        String text = deadlock.describe();
        for (int i = 0; i < 2; i++) {
            String expected = "\"" + stuck.name(i) + "\"" + (virtual ? " (virtual)" : "") + " at DeadlockFixtures.java:"
                    + stuck.line(i) + " waits for ";
            assertTrue(text.contains(expected + "ReentrantLock@"), text);
            assertTrue(text.contains(", held by \"" + stuck.name(1 - i) + "\""), text);
        }
        List<String> locks = deadlock.links().stream().map(l -> l.lock().displayName()).toList();
        assertTrue(locks.stream().allMatch(l -> REENTRANT.matcher(l).matches()), locks.toString());
        assertNotEquals(locks.get(0), locks.get(1));
    }

    /** The line describe() writes for thread i of the cycle. */
    private static String link(Stuck stuck, int i, boolean virtual, String lock) {
        return "\"" + stuck.name(i) + "\"" + (virtual ? " (virtual)" : "") + " at DeadlockFixtures.java:" + stuck.line(i)
                + " waits for " + lock + ", held by \"" + stuck.name((i + 1) % stuck.threads().size()) + "\"";
    }

    private static String monitor(Object lock) {
        return lock.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(lock));
    }

    private static void awaitSignal(ReentrantLock lock, Condition condition) {
        lock.lock();
        try {
            condition.await();
        } catch (InterruptedException e) {
            // released by the test
        } finally {
            lock.unlock();
        }
    }

    private static void waitOn(Object monitor) {
        synchronized (monitor) {
            try {
                monitor.wait();
            } catch (InterruptedException e) {
                // released by the test
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(20, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
