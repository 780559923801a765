package org.threadlings.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Student code that misbehaves in every way the runner must survive. Each gets its own verdict,
 * in about the exercise's time limit (20 s) or sooner, and leaves no process running.
 */
class FaultInjectionIT {

    private static final String FILE = "races/SynchronizedCounter.java";
    private static final Duration LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    @Test
    void an_endless_loop_times_out_and_says_where_the_threads_were() throws Exception {
        JsonNode verdict = grade("""
                package races;
                public class SynchronizedCounter {
                    private long count;
                    public synchronized void increment() { while (true) { count++; } }
                    public synchronized long get() { return count; }
                }
                """, "timeout", "time-limit");
        assertTrue(verdict.get("message").asText().contains("SynchronizedCounter.java:4"), verdict.toString());
    }

    @Test
    void a_deadlock_names_the_threads_and_locks_in_the_cycle() throws Exception {
        JsonNode verdict = grade("""
                package races;
                public class SynchronizedCounter {
                    static final class Left { }
                    static final class Right { }
                    private final Left left = new Left();
                    private final Right right = new Right();
                    private long count;
                    public void increment() {
                        if (Thread.currentThread().getName().endsWith("0")) {
                            synchronized (left) { pause(); synchronized (right) { count++; } }
                        } else {
                            synchronized (right) { pause(); synchronized (left) { count++; } }
                        }
                    }
                    private static void pause() {
                        try { Thread.sleep(5); } catch (InterruptedException e) { }
                    }
                    public synchronized long get() { return count; }
                }
                """, "fail", "completed");
        String message = verdict.get("checks").get(0).get("message").asText();
        assertTrue(message.startsWith("Deadlock"), message);
        assertTrue(message.contains("waits for Left@") && message.contains("waits for Right@"), message);
        assertTrue(message.contains("held by \"incrementer-"), message);
    }

    @Test
    void a_class_initialisation_deadlock_names_the_classes_though_the_threads_look_runnable() throws Exception {
        JsonNode verdict = grade("""
                package races;
                public class SynchronizedCounter {
                    static final class Left { static final long START; static { pause(); START = Right.START + 1; } }
                    static final class Right { static final long START; static { pause(); START = Left.START + 1; } }
                    private long count;
                    public synchronized void increment() {
                        if (count++ == 0) {
                            new Thread(() -> System.out.println(Right.START), "right-init").start();
                            System.out.println(Left.START);
                        }
                    }
                    public synchronized long get() { return count; }
                    static void pause() {
                        try { Thread.sleep(200); } catch (InterruptedException e) { }
                    }
                }
                """, "fail", "deadlock");
        String message = verdict.get("message").asText();
        assertTrue(message.startsWith("Class initialisation deadlock"), message);
        assertTrue(message.contains("\"right-init\"") && message.contains("is initialising SynchronizedCounter$Right"),
                message);
        assertTrue(message.contains("is initialising SynchronizedCounter$Left"), message);
    }

    @Test
    void system_exit_is_reported_with_its_caller() throws Exception {
        JsonNode verdict = grade("""
                package races;
                public class SynchronizedCounter {
                    private long count;
                    public synchronized void increment() { if (++count == 1000) System.exit(3); }
                    public synchronized long get() { return count; }
                }
                """, "error", "system-exit");
        assertTrue(verdict.get("message").asText().contains("races.SynchronizedCounter.increment(SynchronizedCounter.java:4)"),
                verdict.toString());
    }

    @Test
    void system_exit_inside_a_shutdown_hook_is_named_at_once_not_at_the_time_limit() throws Exception {
        JsonNode verdict = grade("""
                package races;
                public class SynchronizedCounter {
                    private long count;
                    public synchronized void increment() {
                        if (++count == 1000) {
                            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.exit(5), "tidy-up"));
                            System.exit(1);
                        }
                    }
                    public synchronized long get() { return count; }
                }
                """, "error", "system-exit");
        String message = verdict.get("message").asText();
        assertTrue(message.contains("inside the shutdown hook \"tidy-up\"")
                && message.contains("SynchronizedCounter.java:6"), message);
        // Reported by the hook's own detection, not by the time limit that would otherwise end the hang.
        assertTrue(!message.contains("time limit") && !message.contains("exit status"), message);
    }

    @Test
    void running_out_of_memory_is_reported() throws Exception {
        JsonNode verdict = grade("""
                package races;
                import java.util.ArrayList;
                import java.util.List;
                public class SynchronizedCounter {
                    private final List<long[]> hoard = new ArrayList<>();
                    private long count;
                    public synchronized void increment() { count++; hoard.add(new long[4096]); }
                    public synchronized long get() { return count; }
                }
                """, "error", "out-of-memory");
        assertTrue(verdict.get("message").asText().contains("ran out of memory"), verdict.toString());
    }

    @Test
    void a_flood_of_output_is_stopped_and_capped() throws Exception {
        JsonNode verdict = grade("""
                package races;
                public class SynchronizedCounter {
                    private long count;
                    public synchronized void increment() { System.out.println("now at " + ++count); }
                    public synchronized long get() { return count; }
                }
                """, "error", "output-limit");
        JsonNode output = verdict.get("output");
        assertTrue(output.get("bytes").asLong() > 8L * 1024 * 1024, output.toString().substring(0, 200));
        assertTrue(output.get("truncated").asBoolean());
        assertTrue(output.get("text").asText().length() < 64 * 1024, "the kept output is capped");
    }

    @Test
    void a_process_started_by_student_code_is_killed_with_the_run() throws Exception {
        String marker = "threadlings-e2e-" + System.nanoTime();
        Instant start = Instant.now();
        grade("""
                package races;
                public class SynchronizedCounter {
                    private long count;
                    private static Process child;
                    public synchronized void increment() {
                        if (child == null) {
                            try {
                                child = new ProcessBuilder("sh", "-c", "sleep 300; echo MARKER").start();
                            } catch (java.io.IOException e) { throw new RuntimeException(e); }
                        }
                        while (true) { count++; }
                    }
                    public synchronized long get() { return count; }
                }
                """.replace("MARKER", marker), "timeout", "time-limit");
        assertEquals(List.of(), GradingJvms.aliveSince(start, marker));
    }

    /** Grades {@code source} as the student's file; checks status, outcome, timing and cleanup. */
    private JsonNode grade(String source, String status, String outcome) throws Exception {
        Path dir = Courses.withFile(temp, FILE, source);
        Instant start = Instant.now();
        RunScript.Run run = RunScript.run("check", "counter-synchronized", "--json", "--exercises", dir.toString());

        assertEquals(1, run.exitCode(), run.all());
        JsonNode verdict = new ObjectMapper().readTree(run.stdout()).get("exercises").get(0);
        assertEquals(status, verdict.get("status").asText(), verdict.toString());
        assertEquals(outcome, verdict.get("outcome").asText(), verdict.toString());
        assertTrue(run.elapsed().compareTo(LIMIT.plusSeconds(10)) < 0, "took " + run.elapsed());
        assertEquals(List.of(), GradingJvms.aliveSince(start), "no grading JVM left running");
        return verdict;
    }
}
