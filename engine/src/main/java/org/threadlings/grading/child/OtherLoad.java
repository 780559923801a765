package org.threadlings.grading.child;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

/**
 * How much of the machine other programs took while the checks ran, in cores: the processor
 * time of the whole machine ({@code /proc/stat}, including time the hypervisor gave to other
 * virtual machines) minus this JVM's own ({@code /proc/self/stat}). A time limit reached while
 * others kept a core busy says nothing certain about the code under test: on a quiet machine it
 * might have finished. Where {@code /proc} is missing there is no figure, and no excuse.
 */
final class OtherLoad {

    /** Other programs using this many cores, on average over the run, make a time limit no verdict. */
    static final double BUSY = 0.5;

    private static final Path MACHINE = Path.of("/proc/stat");
    private static final Path SELF = Path.of("/proc/self/stat");

    /** Clock ticks: the machine's busy time, all its time over every core, and this JVM's time. */
    record Ticks(long busy, long all, int cores, long self) {
    }

    private final Ticks start;

    private OtherLoad(Ticks start) {
        this.start = start;
    }

    static OtherLoad startNow() {
        return new OtherLoad(read());
    }

    /** The cores other programs used since {@link #startNow}, on average; empty if unknown. */
    OptionalDouble cores() {
        return between(start, read());
    }

    static OptionalDouble between(Ticks before, Ticks after) {
        if (before == null || after == null || after.all() <= before.all() || after.cores() < 1) {
            return OptionalDouble.empty();
        }
        double elapsedPerCore = (double) (after.all() - before.all()) / after.cores();
        long others = (after.busy() - before.busy()) - (after.self() - before.self());
        return OptionalDouble.of(Math.max(0, others) / elapsedPerCore);
    }

    private static Ticks read() {
        try {
            return parse(Files.readAllLines(MACHINE, StandardCharsets.US_ASCII),
                    Files.readString(SELF, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * @param machine the lines of {@code /proc/stat}: "cpu user nice system idle iowait irq
     *                softirq steal ...", then one "cpuN" line per core
     * @param self    {@code /proc/self/stat}: utime and stime are the 14th and 15th fields,
     *                counted after the command name in parentheses, which may hold spaces
     */
    static Ticks parse(List<String> machine, String self) {
        String[] total = machine.get(0).trim().split("\\s+");
        long all = 0;
        for (int i = 1; i <= 8 && i < total.length; i++) { // guest time is already inside user time
            all += Long.parseLong(total[i]);
        }
        // Idle and waiting for disks is nobody's load; nor is time at a lowered priority ("nice"),
        // such as the start-up cache training: it takes only what the checks leave over.
        long spare = Long.parseLong(total[2]) + Long.parseLong(total[4]) + (total.length > 5 ? Long.parseLong(total[5]) : 0);
        int cores = (int) machine.stream().filter(line -> line.matches("cpu\\d+\\s.*")).count();
        String[] fields = self.substring(self.lastIndexOf(')') + 2).trim().split("\\s+");
        long mine = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // fields 14 and 15 of the line
        return new Ticks(all - spare, all, cores, mine);
    }
}
