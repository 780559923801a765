package org.threadlings.diagnosis;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Threads stuck in static initialisers, each waiting for a class that another is initialising.
 * The JVM shows such threads as RUNNABLE and waiting for no lock, so neither the thread MXBean
 * nor a thread dump names the deadlock. What gives it away: a thread with a {@code <clinit>}
 * frame whose stack stays exactly the same and which uses no CPU, across samples a second apart;
 * two or more such threads are waiting for each other's classes.
 */
public record ClassInitDeadlock(List<Stuck> threads) {

    /** How little CPU a thread may use between samples and still count as waiting. */
    private static final long IDLE_CPU_NANOS = 2_000_000;

    /**
     * One stuck thread.
     *
     * @param initialising the classes whose static initialiser is on its stack, outermost first
     * @param at           where it stopped, the first frame of its stack
     */
    public record Stuck(long id, String name, List<String> initialising, Frame at) {
    }

    /** The threads inside a static initialiser at one moment, with the CPU time each had used. */
    public record Sample(Map<Long, Entry> threads) {

        record Entry(String name, List<Frame> stack, long cpuNanos) {
        }

        public static Sample take() {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            Map<Long, Entry> inInit = new LinkedHashMap<>();
            for (ThreadInfo info : mx.dumpAllThreads(false, false)) {
                if (info == null || info.getThreadState() != Thread.State.RUNNABLE) {
                    continue;
                }
                StackTraceElement[] stack = info.getStackTrace();
                boolean initialising = Arrays.stream(stack).anyMatch(e -> e.getMethodName().equals("<clinit>"));
                // A native frame on top is I/O or a system call, which also shows as RUNNABLE.
                if (initialising && stack.length > 0 && !stack[0].isNativeMethod()) {
                    inInit.put(info.getThreadId(), new Entry(info.getThreadName(),
                            Arrays.stream(stack).map(Frame::of).toList(), mx.getThreadCpuTime(info.getThreadId())));
                }
            }
            return new Sample(inInit);
        }
    }

    /**
     * A deadlock if at least two threads were in the same place, without using CPU, in every one
     * of {@code samples} (oldest first, at least two).
     */
    public static Optional<ClassInitDeadlock> find(List<Sample> samples) {
        if (samples.size() < 2) {
            return Optional.empty();
        }
        List<Stuck> stuck = new ArrayList<>();
        Sample last = samples.get(samples.size() - 1);
        for (Map.Entry<Long, Sample.Entry> thread : last.threads().entrySet()) {
            if (samples.stream().allMatch(s -> still(s.threads().get(thread.getKey()), thread.getValue()))) {
                List<Frame> stack = thread.getValue().stack();
                List<String> classes = stack.stream().filter(f -> f.methodName().equals("<clinit>"))
                        .map(Frame::className).distinct().collect(Collectors.toCollection(ArrayList::new));
                java.util.Collections.reverse(classes);
                stuck.add(new Stuck(thread.getKey(), thread.getValue().name(), classes, stack.get(0)));
            }
        }
        return stuck.size() >= 2 ? Optional.of(new ClassInitDeadlock(stuck)) : Optional.empty();
    }

    private static boolean still(Sample.Entry earlier, Sample.Entry now) {
        return earlier != null && earlier.stack().equals(now.stack())
                && (earlier.cpuNanos() < 0 || now.cpuNanos() - earlier.cpuNanos() < IDLE_CPU_NANOS);
    }

    /** The ids of the threads: the same deadlock seen twice has the same signature. */
    public Set<Long> signature() {
        return threads.stream().map(Stuck::id).collect(Collectors.toSet());
    }

    /** One line per thread: who initialises which class, and where it stopped. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (Stuck t : threads) {
            text.append("  \"").append(t.name()).append("\" (thread ").append(t.id()).append(") is initialising ")
                    .append(String.join(", then ", t.initialising().stream().map(ClassInitDeadlock::simple).toList()))
                    .append(" and waits at ").append(t.at().location()).append(" in ").append(simple(t.at().className()))
                    .append('.').append(t.at().methodName()).append('\n');
        }
        return text.toString().stripTrailing();
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
