package org.threadlings.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every process that belongs to one sandboxed run: the processes below its JVM, and those that
 * left the tree (sent to the background with {@code &}, {@code nohup}, {@code setsid}) but carry
 * its {@link SandboxMark}. Killing them goes in rounds until a round finds nothing new, so that a
 * process that starts another while it is being killed does not leave that one behind.
 *
 * <p>On Linux both ways of finding them apply; elsewhere the process tree alone, as
 * {@link ProcessHandle#descendants()} sees it.
 */
public final class ProcessTree {

    private static final int MAX_ROUNDS = 50;

    private final ProcessHandle root;
    private final Optional<SandboxMark> mark;

    ProcessTree(ProcessHandle root, Optional<SandboxMark> mark) {
        this.root = root;
        this.mark = mark;
    }

    /** The processes this JVM started, however they left its tree: for the grading JVM itself. */
    public static ProcessTree ofThisJvm() {
        return new ProcessTree(ProcessHandle.current(), SandboxMark.inherited());
    }

    /** Running members, the root and this JVM excepted; zombies, which run nothing, are not members. */
    List<ProcessHandle> members() {
        Map<Long, ProcessHandle> found = new LinkedHashMap<>();
        root.descendants().forEach(p -> found.put(p.pid(), p));
        mark.ifPresent(m -> ProcFs.marks().forEach((pid, value) -> {
            if (value.equals(m.value())) {
                ProcessHandle.of(pid).ifPresent(p -> found.put(pid, p));
            }
        }));
        found.remove(root.pid());
        found.remove(ProcessHandle.current().pid());
        return found.values().stream().filter(ProcessHandle::isAlive).filter(p -> !ProcFs.isZombie(p.pid())).toList();
    }

    /** Kills every member but the root; returns the command lines of those it killed. */
    public List<String> killMembers() {
        return kill(false);
    }

    /** Kills the root and every member; returns the command lines of the members it killed. */
    List<String> killAll() {
        return kill(true);
    }

    private List<String> kill(boolean withRoot) {
        Set<Long> killed = new LinkedHashSet<>();
        List<String> described = new ArrayList<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            // Members are collected before the root dies: afterwards its children belong to nobody.
            List<ProcessHandle> fresh = members().stream().filter(p -> !killed.contains(p.pid())).toList();
            for (ProcessHandle process : fresh) {
                described.add(process.info().commandLine().orElse("process " + process.pid()));
                process.destroyForcibly();
                killed.add(process.pid());
            }
            if (withRoot) {
                root.destroyForcibly();
            }
            if (fresh.isEmpty()) {
                break;
            }
        }
        return described;
    }
}
