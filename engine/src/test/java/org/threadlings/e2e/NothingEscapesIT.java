package org.threadlings.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Processes that try to outlive grading: commands sent to the background by student code, and a
 * runner stopped in the middle of grading while student code interrupts every thread it can find
 * (the grading JVM's own watchdogs included). Nothing may be left running, and what was found
 * running is named in the verdict.
 */
class NothingEscapesIT {

    private static final String FILE = "races/SynchronizedCounter.java";
    /** How soon after the runner is stopped nothing of it may be left. */
    private static final Duration GONE_WITHIN = Duration.ofSeconds(2);
    /** A loaded machine can take long to boot the runner and the grading JVM. */
    private static final Duration STARTS_WITHIN = Duration.ofSeconds(180);

    @TempDir
    Path temp;

    /** A correct counter whose first increment starts {@code launch} (a shell command) and waits for it. */
    private static String counterThatLaunches(String launch) {
        return """
                package races;
                public class SynchronizedCounter {
                    private static boolean launched;
                    private long count;
                    public synchronized void increment() {
                        if (!launched) {
                            launched = true;
                            try {
                                new ProcessBuilder("sh", "-c", "LAUNCH").inheritIO().start().waitFor();
                            } catch (Exception e) { throw new RuntimeException(e); }
                        }
                        count++;
                    }
                    public synchronized long get() { return count; }
                }
                """.replace("LAUNCH", launch);
    }

    /**
     * A counter that, on its first increment, sends {@code launch} to the background, then starts a
     * thread that interrupts every other thread it can find, again and again, and never returns.
     */
    private static String counterThatHangsAndInterruptsEverything(String launch) {
        return """
                package races;
                public class SynchronizedCounter {
                    private static boolean launched;
                    private long count;
                    public synchronized void increment() {
                        if (!launched) {
                            launched = true;
                            try {
                                new ProcessBuilder("sh", "-c", "LAUNCH").start().waitFor();
                            } catch (Exception e) { throw new RuntimeException(e); }
                            Thread vandal = new Thread(() -> {
                                while (true) {
                                    for (Thread t : Thread.getAllStackTraces().keySet()) {
                                        if (t != Thread.currentThread()) t.interrupt();
                                    }
                                }
                            }, "vandal");
                            vandal.setDaemon(true);
                            vandal.start();
                        }
                        while (true) { count++; }
                    }
                    public synchronized long get() { return count; }
                }
                """.replace("LAUNCH", launch);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sleep %s &", "nohup sleep %s >/dev/null 2>&1 &", "setsid -f sleep %s"})
    void a_command_sent_to_the_background_fails_the_exercise_by_name_and_is_killed(String route) throws Exception {
        String marker = marker();
        Path dir = Courses.withFile(temp, FILE, counterThatLaunches(route.formatted(marker)));
        Instant start = Instant.now();
        RunScript.Run run = RunScript.run("check", "counter-synchronized", "--json", "--exercises", dir.toString());

        assertEquals(1, run.exitCode(), run.all());
        JsonNode verdict = new ObjectMapper().readTree(run.stdout()).get("exercises").get(0);
        assertNotEquals("pass", verdict.get("status").asText(), verdict.toString());
        JsonNode leftovers = null;
        for (JsonNode check : verdict.get("checks")) {
            if (check.get("name").asText().equals("nothing left running afterwards")) {
                leftovers = check;
            }
        }
        assertTrue(leftovers != null, "no check names what was left running: " + verdict);
        assertEquals("fail", leftovers.get("status").asText());
        String message = leftovers.get("message").asText();
        assertTrue(message.contains("sleep " + marker), message);
        assertTrue(message.contains("background"), message);
        assertEquals(List.of(), GradingJvms.aliveSince(start, marker), "the detached command still runs");
        assertEquals(List.of(), GradingJvms.aliveSince(start), "no grading JVM left running");
    }

    @Test
    void stopping_check_with_sigterm_ends_everything_it_started_even_when_student_code_interrupts_every_thread()
            throws Exception {
        String marker = marker();
        Path dir = Courses.withFile(temp, FILE, counterThatHangsAndInterruptsEverything("setsid -f sleep " + marker));
        Instant start = Instant.now();
        Process check = startCheck(dir);
        try {
            awaitRunning(check, start, marker);
            check.destroy(); // SIGTERM: run.sh has exec'd the runner's JVM
            awaitTrue(() -> GradingJvms.aliveSince(start).isEmpty() && GradingJvms.aliveSince(start, marker).isEmpty(),
                    GONE_WITHIN, () -> "still running " + GONE_WITHIN + " after SIGTERM: "
                            + GradingJvms.aliveSince(start) + GradingJvms.aliveSince(start, marker));
        } finally {
            check.destroyForcibly();
        }
    }

    @Test
    void after_check_is_killed_with_sigkill_its_grading_jvm_ends_and_the_next_start_sweeps_up() throws Exception {
        String marker = marker();
        Path dir = Courses.withFile(temp, FILE, counterThatHangsAndInterruptsEverything("setsid -f sleep " + marker));
        Instant start = Instant.now();
        Process check = startCheck(dir);
        long pid = check.pid();
        try {
            awaitRunning(check, start, marker);
            assertTrue(!scratchFoldersOf(pid).isEmpty(), "the grading run has a scratch folder named after its runner");
            check.destroyForcibly();
            awaitTrue(() -> GradingJvms.aliveSince(start).isEmpty(), GONE_WITHIN,
                    () -> "a grading JVM outlived its SIGKILLed runner by " + GONE_WITHIN + ": " + GradingJvms.aliveSince(start));
        } finally {
            check.destroyForcibly();
            check.waitFor();
        }
        RunScript.Run next = RunScript.run("list");
        assertEquals(0, next.exitCode(), next.all());
        assertEquals(List.of(), scratchFoldersOf(pid), "the next start removes the killed runner's scratch folders");
        assertEquals(List.of(), GradingJvms.aliveSince(start, marker), "the next start ends what the killed run left");
    }

    /** A sleep duration no other process uses, to find the command by its command line. */
    private static String marker() {
        return "1000." + String.format("%06d", System.nanoTime() % 1_000_000);
    }

    private static Process startCheck(Path exercises) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(RunScript.ROOT.resolve("run.sh").toString(),
                "check", "counter-synchronized", "--json", "--exercises", exercises.toString())
                .directory(RunScript.ROOT.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("NO_COLOR", "1");
        builder.environment().put("THREADLINGS_COURSE", RunScript.defaultCourse().toString());
        return builder.start();
    }

    /** Waits until the student's code runs in the grading JVM: its background command has started. */
    private static void awaitRunning(Process check, Instant start, String marker) throws InterruptedException {
        awaitTrue(() -> !GradingJvms.aliveSince(start, marker).isEmpty() || !check.isAlive(), STARTS_WITHIN,
                () -> "the student's code never started its command");
        assertTrue(check.isAlive(), "check ended before it could be stopped");
    }

    private static void awaitTrue(Supplier<Boolean> condition, Duration within, Supplier<String> failure)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(failure.get());
            }
            Thread.sleep(50);
        }
    }

    /** The scratch folders named after the runner with process id {@code pid}. */
    private static List<Path> scratchFoldersOf(long pid) throws IOException {
        List<Path> found = new ArrayList<>();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp, "threadlings-*-" + pid + "-*")) {
            entries.forEach(found::add);
        }
        return found;
    }
}
