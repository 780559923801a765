package org.threadlings.diagnosis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A cycle of threads, each waiting for a lock held by the next: none of them can ever move.
 *
 * @param links in cycle order; the owner of the last link's lock is the first link's thread
 */
public record Deadlock(List<Link> links) {

    /** {@code thread} waits for {@code lock}, which {@code owner} holds. */
    public record Link(ThreadRecord thread, Lock lock, ThreadRecord owner) {
    }

    public Deadlock {
        links = List.copyOf(links);
    }

    /**
     * Every deadlock cycle in the snapshot, each reported once. A thread in a timed wait (a
     * {@code tryLock} with a timeout) is no part of one: it gives up by itself, and a cycle
     * through it is a jam that clears. On a crowded machine such a jam can outlast any short
     * confirmation, because a thread whose timeout has passed still shows as waiting until it
     * gets a processor to run on.
     */
    public static List<Deadlock> findAll(ThreadSnapshot snapshot) {
        List<Deadlock> cycles = new ArrayList<>();
        Set<Long> reported = new HashSet<>();
        for (ThreadRecord start : snapshot.threads()) {
            // Each thread waits for at most one lock, so following owners walks a single path.
            LinkedHashSet<Long> path = new LinkedHashSet<>();
            ThreadRecord current = start;
            while (current != null && current.waitingFor() != null && current.owner() != -1 && !givesUp(current)
                    && !enteringItsOwnMonitor(current) && !reported.contains(current.id()) && path.add(current.id())) {
                current = snapshot.thread(current.owner()).orElse(null);
            }
            if (current != null && path.contains(current.id()) && !reported.contains(current.id())) {
                List<Link> links = new ArrayList<>();
                ThreadRecord t = current;
                do {
                    ThreadRecord owner = snapshot.thread(t.owner()).orElseThrow();
                    links.add(new Link(t, t.waitingFor(), owner));
                    reported.add(t.id());
                    t = owner;
                } while (t.id() != current.id());
                cycles.add(new Deadlock(links));
            }
        }
        return cycles;
    }

    private static boolean givesUp(ThreadRecord thread) {
        return Thread.State.TIMED_WAITING.name().equals(thread.state());
    }

    /**
     * A thread shown BLOCKED on a monitor that it owns itself. Monitors are reentrant, so no thread
     * ever waits for its own; the JVM's thread dump shows this for an instant while a thread is
     * entering a monitor it has just been given, and two dumps can catch that instant twice.
     * (A java.util.concurrent lock waits in WAITING, and a lock that is not reentrant can really
     * keep its owner waiting: that is not excused.)
     */
    private static boolean enteringItsOwnMonitor(ThreadRecord thread) {
        return thread.owner() == thread.id() && Thread.State.BLOCKED.name().equals(thread.state());
    }

    /** Thread ids and locks: equal for the same deadlock seen in two snapshots. */
    public Set<String> signature() {
        return links.stream().map(l -> l.thread().id() + "->" + l.lock().identity()).collect(Collectors.toSet());
    }

    /**
     * The check that started every thread of the cycle, if one did: a deadlock found while a later
     * check runs belongs to the check whose threads are stuck.
     */
    public Optional<ThreadOrigins.Check> startedIn() {
        List<Optional<ThreadOrigins.Check>> origins = links.stream()
                .map(l -> ThreadOrigins.checkThatStarted(l.thread().id())).distinct().toList();
        return origins.size() == 1 ? origins.get(0) : Optional.empty();
    }

    /**
     * The cycle in words, one line per thread:
     * <pre>
     * "left" (at Transfer.java:12) waits for Account@1b6d3586, held by "right"
     * "right" (at Transfer.java:12) waits for Account@4554617c, held by "left"
     * </pre>
     */
    public String describe() {
        Set<String> names = new HashSet<>();
        boolean repeated = links.stream().anyMatch(l -> !names.add(l.thread().name()));
        StringBuilder text = new StringBuilder();
        for (Link link : links) {
            Frame where = link.thread().codeFrame();
            text.append('"').append(link.thread().name()).append('"')
                    .append(repeated ? " #" + link.thread().id() : "")
                    .append(link.thread().virtual() ? " (virtual)" : "")
                    .append(where == null ? "" : " at " + where.location())
                    .append(" waits for ").append(link.lock().displayName())
                    .append(", held by \"").append(link.owner().name()).append('"')
                    .append(repeated ? " #" + link.owner().id() : "").append('\n');
        }
        return text.toString().stripTrailing();
    }
}
