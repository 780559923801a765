package org.threadlings.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Standby JVMs, with small stand-ins for the grading JVM. Waits are for something to happen, with
 * generous limits as a safety net; none measures how long anything took.
 */
class StandbyJvmsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final List<String> PLAIN = List.of();
    private static final List<String> RACY = List.of("-XX:CompileCommand=quiet");

    private final JvmLauncher launcher = JvmLauncher.forThisJvm();
    private StandbyJvms standby = new StandbyJvms(launcher, WaitsForJob.class.getName());

    @AfterEach
    void closeStandby() {
        standby.close();
    }

    @Test
    void a_prepared_jvm_with_the_same_options_does_the_next_job() throws Exception {
        standby.prepare(PLAIN);
        long waiting = awaitWaitingPid();
        try (SandboxProcess taken = standby.take(PLAIN)) {
            assertEquals(waiting, taken.pid());
            assertEquals(Optional.empty(), standby.waitingPid(), "nothing waits after a take");
            taken.send("job");
            assertTrue(taken.waitFor(PATIENCE));
            assertTrue(taken.output().text().contains("pid=" + waiting + " job=job"), taken.output().text());
        }
    }

    @Test
    void other_options_get_a_fresh_jvm_and_the_waiting_one_ends() throws Exception {
        standby.prepare(PLAIN);
        long waiting = awaitWaitingPid();
        try (SandboxProcess taken = standby.take(RACY)) {
            assertNotEquals(waiting, taken.pid());
            assertTrue(taken.isAlive());
        }
        awaitTrue(() -> !alive(waiting), "the JVM prepared with other options ended");
    }

    @Test
    void a_jvm_that_died_while_waiting_is_not_handed_out() throws Exception {
        standby.prepare(PLAIN);
        long waiting = awaitWaitingPid();
        ProcessHandle.of(waiting).ifPresent(ProcessHandle::destroyForcibly);
        awaitTrue(() -> !alive(waiting), "the waiting JVM was killed");
        try (SandboxProcess taken = standby.take(PLAIN)) {
            assertNotEquals(waiting, taken.pid());
            assertTrue(taken.isAlive());
        }
    }

    @Test
    void at_most_one_jvm_waits_whatever_is_prepared() throws Exception {
        standby.prepare(PLAIN);
        standby.prepare(RACY);
        standby.prepare(PLAIN);
        standby.prepare(PLAIN);
        long waiting = awaitWaitingPid();
        awaitTrue(() -> standInsAlive(WaitsForJob.class).size() == 1, "one stand-in alive");
        assertEquals(List.of(waiting), standInsAlive(WaitsForJob.class));
    }

    @Test
    void a_jvm_that_waited_too_long_is_replaced() throws Exception {
        standby.close();
        standby = new StandbyJvms(launcher, WaitsForJob.class.getName(), Duration.ofMillis(300));
        standby.prepare(PLAIN);
        long first = awaitWaitingPid();
        awaitTrue(() -> standby.waitingPid().filter(pid -> pid != first).isPresent(), "a fresh JVM waits");
        awaitTrue(() -> !alive(first), "the aged JVM ended");
    }

    @Test
    void closing_kills_a_waiting_jvm_that_ignores_its_closed_input() throws Exception {
        standby.close();
        standby = new StandbyJvms(launcher, IgnoresInput.class.getName());
        standby.prepare(PLAIN);
        long waiting = awaitWaitingPid();
        standby.close();
        assertFalse(alive(waiting));
    }

    @Test
    void closing_while_a_jvm_is_being_started_leaves_none_alive() {
        standby.prepare(PLAIN);
        standby.close();
        assertEquals(List.of(), standInsAlive(WaitsForJob.class));
    }

    @Test
    void a_program_that_exits_without_closing_takes_its_waiting_jvm_along() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process program = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AbandonsStandby.class.getName()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String line;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(program.getInputStream(), StandardCharsets.UTF_8))) {
            line = out.readLine();
        }
        assertTrue(program.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        long waiting = Long.parseLong(String.valueOf(line));
        try {
            awaitTrue(() -> !alive(waiting), "the abandoned JVM ended with its program");
        } finally {
            ProcessHandle.of(waiting).ifPresent(ProcessHandle::destroyForcibly); // never leave it behind
        }
    }

    private long awaitWaitingPid() throws InterruptedException {
        awaitTrue(() -> standby.waitingPid().isPresent(), "a JVM waits");
        return standby.waitingPid().orElseThrow();
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE + ": " + what);
            }
            Thread.sleep(10);
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** This JVM's children running {@code main}. */
    static List<Long> standInsAlive(Class<?> main) {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(main.getName()))
                .map(ProcessHandle::pid).toList();
    }
}
