package forkjoin.checks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntBinaryOperator;
import org.threadlings.checks.ParallelismProbe;
import org.threadlings.checks.work.Primes;

/**
 * The leaf work handed to the student's task: counts the primes in a range, and records which
 * range each leaf covered and which thread counted it, so that a check can see the task tree
 * without a clock: how many leaves, whether they cover every number once, which pools and
 * workers ran them.
 *
 * <p>With a patience, the first leaf each thread counts waits (through a
 * {@link ParallelismProbe}) until another thread is inside its first leaf too. A task that
 * forks one half and computes the other meets a thief there at once; a task that computes both
 * halves itself, or joins each fork straight away, leaves nothing for another worker to steal
 * while it waits, so the peak stays at one on any machine, busy or not. What was waiting in the
 * deques tells the two apart when no second worker came at all: a busy machine, or nothing to
 * steal.
 */
final class Leaves implements IntBinaryOperator {

    /** One call of countRange: the numbers [from, to), counted on {@code thread}. */
    record Leaf(int from, int to, Thread thread) {
    }

    private final Queue<Leaf> leaves = new ConcurrentLinkedQueue<>();
    private final ParallelismProbe probe;
    private final ThreadLocal<Boolean> arrived = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private final AtomicInteger mostWaiting = new AtomicInteger();

    private Leaves(ParallelismProbe probe) {
        this.probe = probe;
    }

    /** Records leaves; never waits. */
    static Leaves recording() {
        return new Leaves(null);
    }

    /** Records leaves; each thread's first leaf waits up to {@code patience} for a second thread. */
    static Leaves meeting(Duration patience) {
        return new Leaves(ParallelismProbe.expecting(2).patience(patience));
    }

    @Override
    public int applyAsInt(int from, int to) {
        leaves.add(new Leaf(from, to, Thread.currentThread()));
        if (Thread.currentThread() instanceof ForkJoinWorkerThread) {
            // Tasks this worker forked and nobody has taken yet: what a thief could steal right now.
            mostWaiting.accumulateAndGet(ForkJoinTask.getQueuedTaskCount(), Math::max);
        }
        if (probe != null && !arrived.get()) {
            arrived.set(Boolean.TRUE);
            int[] count = new int[1];
            probe.wrap(() -> {
                count[0] = from < 0 || to < from ? 0 : Primes.countInRange(from, to);
            }).run();
            return count[0];
        }
        return from < 0 || to < from ? 0 : Primes.countInRange(from, to);
    }

    List<Leaf> all() {
        return List.copyOf(leaves);
    }

    int count() {
        return leaves.size();
    }

    /** The distinct threads that counted leaves, in the order they first did. */
    Set<Thread> threads() {
        Set<Thread> threads = new LinkedHashSet<>();
        leaves.forEach(leaf -> threads.add(leaf.thread()));
        return threads;
    }

    /** The leaves counted by a thread that is not a worker of {@code pool}. */
    List<Leaf> outside(ForkJoinPool pool) {
        return leaves.stream()
                .filter(leaf -> !(leaf.thread() instanceof ForkJoinWorkerThread worker && worker.getPool() == pool))
                .toList();
    }

    /**
     * The most forked tasks seen waiting in a worker's deque when it started a leaf. A task that
     * forks a half before computing the other leaves some there on every leaf; one that computes
     * both halves, or joins each fork at once, never does.
     */
    int mostWaitingToBeStolen() {
        return mostWaiting.get();
    }

    /** The most threads that were inside their first leaf at the same moment (needs {@link #meeting}). */
    int peakTogether() {
        return probe == null ? 0 : probe.peakInFlight();
    }

    /**
     * What is wrong with how the leaves cover [from, to), in words, or null when every number is
     * in exactly one leaf. Empty leaves are allowed.
     */
    String coverageProblem(int from, int to) {
        List<Leaf> sorted = new ArrayList<>(leaves.stream().filter(l -> l.to() != l.from()).toList());
        for (Leaf leaf : sorted) {
            if (leaf.to() < leaf.from()) {
                return "countRange(" + leaf.from() + ", " + leaf.to() + ") was called with from > to";
            }
        }
        sorted.sort(Comparator.comparingInt(Leaf::from).thenComparingInt(Leaf::to));
        int next = from;
        for (Leaf leaf : sorted) {
            if (leaf.from() > next) {
                return gap(next, leaf.from());
            }
            if (leaf.from() < next) {
                int end = Math.min(next, leaf.to());
                return (end - leaf.from() == 1 ? "the number " + leaf.from() + " was"
                        : "the numbers " + leaf.from() + " to " + (end - 1) + " were")
                        + " counted twice (a leaf ended at " + next + ", exclusive, and the next began at "
                        + leaf.from() + ")";
            }
            next = leaf.to();
        }
        if (next < to) {
            return gap(next, to);
        }
        if (next > to) {
            return "a leaf went up to " + next + ", past the end of the range, " + to;
        }
        return null;
    }

    private static String gap(int from, int to) {
        return (to - from == 1 ? "the number " + from + " was" : "the numbers " + from + " to " + (to - 1) + " were")
                + " never counted (no leaf covered " + (to - from == 1 ? "it" : "them") + ")";
    }
}
