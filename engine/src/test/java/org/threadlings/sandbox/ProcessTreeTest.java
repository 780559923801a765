package org.threadlings.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A command sent to the background leaves the process tree of whoever started it, but not the
 * sandbox mark: on Linux, the tree finds it by the mark, and kills it.
 */
class ProcessTreeTest {

    @Test
    void a_mark_is_written_and_read_back() {
        SandboxMark mark = SandboxMark.next();
        assertEquals(Optional.of(mark), SandboxMark.parse(mark.value()));
        assertEquals(Optional.empty(), SandboxMark.parse("not a mark"));
    }

    @Test
    void a_detached_command_is_found_by_its_mark_and_killed() throws Exception {
        assumeTrue(ProcFs.available(), "the sandbox mark is looked for in /proc, on Linux");
        SandboxMark mark = SandboxMark.next();
        String duration = "1000." + System.nanoTime() % 1_000_000;
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", "sleep " + duration + " >/dev/null 2>&1 &");
        builder.environment().put(SandboxMark.VARIABLE, mark.value());
        Process shell = builder.start();
        assertEquals(0, shell.waitFor());
        ProcessHandle sleeper = awaitMarked(mark);
        assertFalse(shell.descendants().anyMatch(p -> p.pid() == sleeper.pid()), "it left the tree");

        ProcessTree tree = new ProcessTree(shell.toHandle(), Optional.of(mark));
        List<String> killed = tree.killAll();

        assertEquals(1, killed.size(), killed.toString());
        assertTrue(killed.get(0).contains("sleep " + duration), killed.toString());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!tree.members().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20); // SIGKILL is sent; the process takes a moment to end
        }
        assertEquals(List.of(), tree.members());
    }

    @Test
    void processes_with_other_marks_are_left_alone() throws Exception {
        assumeTrue(ProcFs.available(), "the sandbox mark is looked for in /proc, on Linux");
        SandboxMark other = SandboxMark.next();
        ProcessBuilder builder = new ProcessBuilder("sleep", "30");
        builder.environment().put(SandboxMark.VARIABLE, other.value());
        Process marked = builder.start();
        Process root = new ProcessBuilder("sleep", "30").start();
        try {
            awaitMarked(other);
            List<String> killed = new ProcessTree(root.toHandle(), Optional.of(SandboxMark.next())).killMembers();
            assertEquals(List.of(), killed);
            assertTrue(marked.isAlive(), "a process of another run");
            assertTrue(root.isAlive(), "killing the members spares the root");
        } finally {
            marked.destroyForcibly();
            root.destroyForcibly();
        }
    }

    private static ProcessHandle awaitMarked(SandboxMark mark) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Long> pid = ProcFs.marks().entrySet().stream()
                    .filter(e -> e.getValue().equals(mark.value())).map(java.util.Map.Entry::getKey).findFirst();
            if (pid.isPresent()) {
                return ProcessHandle.of(pid.get()).orElseThrow();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no process carries " + mark.value());
    }
}
