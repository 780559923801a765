package org.threadlings.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Cycle finding and wording on snapshots built by hand. */
class DeadlockTest {

    private static final Lock A = new Lock("org.example.bank.Account@a1");
    private static final Lock B = new Lock("org.example.bank.Account@b2");
    private static final Lock C = new Lock("java.util.concurrent.locks.ReentrantLock$NonfairSync@c3");
    private static final Lock D = new Lock("org.example.bank.Account@d4");

    private static ThreadRecord thread(long id, String name, Lock waitsFor, long owner, Lock... held) {
        return thread(id, name, false, waitsFor, owner, held);
    }

    private static ThreadRecord thread(long id, String name, boolean virtual, Lock waitsFor, long owner, Lock... held) {
        List<Frame> stack = List.of(
                new Frame("java.lang.Object", "wait0", null, -1),
                new Frame("org.example.bank.Transfer", "run", "Transfer.java", (int) (10 + id)),
                new Frame("java.lang.Thread", "run", "Thread.java", 1583));
        return new ThreadRecord(id, name, virtual, true, waitsFor == null ? "RUNNABLE" : "BLOCKED", stack, waitsFor,
                owner, List.of(held));
    }

    private static Set<Long> ids(Deadlock d) {
        return d.links().stream().map(l -> l.thread().id()).collect(Collectors.toSet());
    }

    @Test
    void aTwoThreadCycleIsReportedOnceWithItsLinksInOrder() {
        ThreadSnapshot snapshot = new ThreadSnapshot(List.of(
                thread(1, "left", B, 2, A),
                thread(2, "right", A, 1, B)));

        List<Deadlock> found = Deadlock.findAll(snapshot);

        assertEquals(1, found.size());
        Deadlock d = found.get(0);
        assertEquals(2, d.links().size());
        Deadlock.Link first = d.links().get(0);
        Deadlock.Link second = d.links().get(1);
        assertEquals(first.owner(), second.thread());
        assertEquals(second.owner(), first.thread());
    }

    @Test
    void describeNamesThreadsPlacesAndLocks() {
        ThreadSnapshot snapshot = new ThreadSnapshot(List.of(
                thread(1, "left", B, 2, A),
                thread(2, "right", true, C, 1, B)));

        String text = Deadlock.findAll(snapshot).get(0).describe();

        assertEquals("""
                "left" at Transfer.java:11 waits for Account@b2, held by "right"
                "right" (virtual) at Transfer.java:12 waits for ReentrantLock@c3, held by "left\"""", text);
    }

    @Test
    void aChainThatEndsIsNoDeadlock() {
        ThreadSnapshot snapshot = new ThreadSnapshot(List.of(
                thread(1, "a", A, 2),
                thread(2, "b", B, 3, A),
                thread(3, "c", null, -1, B)));

        assertEquals(List.of(), Deadlock.findAll(snapshot));
    }

    @Test
    void anUnknownOwnerEndsTheChain() {
        ThreadSnapshot snapshot = new ThreadSnapshot(List.of(
                thread(1, "a", A, 2, B),
                thread(2, "b", B, -1, A)));

        assertEquals(List.of(), Deadlock.findAll(snapshot));
    }

    @Test
    void anOwnerMissingFromTheSnapshotEndsTheChain() {
        ThreadSnapshot snapshot = new ThreadSnapshot(List.of(thread(1, "a", A, 99)));

        assertEquals(List.of(), Deadlock.findAll(snapshot));
    }

    @Test
    void aThreadQueuedBehindACycleIsNotPartOfIt() {
        ThreadSnapshot snapshot = new ThreadSnapshot(List.of(
                thread(4, "latecomer", A, 1),
                thread(1, "left", B, 2, A),
                thread(2, "right", A, 1, B)));

        List<Deadlock> found = Deadlock.findAll(snapshot);

        assertEquals(1, found.size());
        assertEquals(Set.of(1L, 2L), ids(found.get(0)));
    }

    @Test
    void threeThreadCycle() {
        ThreadSnapshot snapshot = new ThreadSnapshot(List.of(
                thread(1, "p1", B, 2, A),
                thread(2, "p2", C, 3, B),
                thread(3, "p3", A, 1, C)));

        List<Deadlock> found = Deadlock.findAll(snapshot);

        assertEquals(1, found.size());
        assertEquals(3, found.get(0).links().size());
        assertEquals(3, found.get(0).describe().lines().count());
    }

    @Test
    void separateCyclesAreReportedSeparately() {
        ThreadSnapshot snapshot = new ThreadSnapshot(List.of(
                thread(1, "a", B, 2, A),
                thread(2, "b", A, 1, B),
                thread(3, "c", D, 4, C),
                thread(4, "d", C, 3, D)));

        List<Deadlock> found = Deadlock.findAll(snapshot);

        assertEquals(Set.of(Set.of(1L, 2L), Set.of(3L, 4L)),
                found.stream().map(DeadlockTest::ids).collect(Collectors.toSet()));
    }

    @Test
    void theSignatureIsTheSameWhicheverThreadTheCycleStartsFrom() {
        ThreadRecord left = thread(1, "left", B, 2, A);
        ThreadRecord right = thread(2, "right", A, 1, B);

        Deadlock one = Deadlock.findAll(new ThreadSnapshot(List.of(left, right))).get(0);
        Deadlock other = Deadlock.findAll(new ThreadSnapshot(List.of(right, left))).get(0);

        assertEquals(one.signature(), other.signature());
    }

    @Test
    void theSignatureChangesWithTheThreadsOrTheLocks() {
        Deadlock original = Deadlock.findAll(new ThreadSnapshot(List.of(
                thread(1, "left", B, 2, A), thread(2, "right", A, 1, B)))).get(0);
        Deadlock otherThreads = Deadlock.findAll(new ThreadSnapshot(List.of(
                thread(5, "left", B, 6, A), thread(6, "right", A, 5, B)))).get(0);
        Deadlock otherLocks = Deadlock.findAll(new ThreadSnapshot(List.of(
                thread(1, "left", D, 2, C), thread(2, "right", C, 1, D)))).get(0);

        assertNotEquals(original.signature(), otherThreads.signature());
        assertNotEquals(original.signature(), otherLocks.signature());
    }
}
