package org.threadlings.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Student code that tries to report a pass in the grader's place, by each route that worked
 * before results were sealed: none may pass, each is named, and none is recorded as done.
 */
class ForgedResultsIT {

    private static final String FILE = "races/SynchronizedCounter.java";

    /**
     * A racy counter whose first increment reports every planned check as passed, then a done
     * event, through {@code out}, and ends the JVM: what a forger needs, reading the planned
     * check ids from the events file. ROUTE is replaced by the way in to the events file.
     */
    private static final String FORGER = """
            package races;
            import java.io.*;
            import java.nio.file.*;
            import java.util.regex.*;
            public class SynchronizedCounter {
                private static boolean forged;
                private long count;
                public void increment() {
                    synchronized (SynchronizedCounter.class) {
                        if (!forged) {
                            forged = true;
                            try { ROUTE } catch (Exception e) { System.out.println("forging failed: " + e); }
                        }
                    }
                    count++;
                }
                public long get() { return count; }
                static Path eventsFile() throws Exception {
                    Path classes = Path.of(SynchronizedCounter.class.getProtectionDomain().getCodeSource()
                            .getLocation().toURI());
                    return classes.getParent().resolve("events.jsonl");
                }
                static String passes(String events) {
                    StringBuilder lines = new StringBuilder();
                    Matcher m = Pattern.compile("\\"id\\":\\"([^\\"]+)\\",\\"name\\"").matcher(events);
                    while (m.find()) {
                        lines.append("{\\"event\\":\\"finished\\",\\"result\\":{\\"id\\":\\"").append(m.group(1))
                             .append("\\",\\"name\\":\\"x\\",\\"status\\":\\"PASS\\",\\"message\\":\\"\\",\\"details\\":[],\\"millis\\":1}}\\n");
                    }
                    return lines.append("{\\"event\\":\\"done\\"}\\n").toString();
                }
            }
            """;

    @TempDir
    Path temp;

    @Test
    void pass_lines_appended_through_the_code_source_path_are_tampering_and_not_done() throws Exception {
        Path course = Courses.copyOfCourse(temp.resolve("course"));
        Files.writeString(course.resolve("exercises").resolve(FILE), FORGER.replace("ROUTE", """
                Path events = eventsFile();
                String planned = Files.readString(events);
                Files.writeString(events, passes(planned), StandardOpenOption.APPEND);
                Runtime.getRuntime().halt(0);
                """));
        RunScript.Run run = RunScript.run("--course", course.toString(), "check", "counter-synchronized", "--json");

        JsonNode verdict = tampered(run);
        assertTrue(verdict.get("message").asText().contains("a line the grader did not write"), verdict.toString());
        JsonNode list = new ObjectMapper().readTree(RunScript.run("--course", course.toString(), "list", "--json").stdout());
        assertEquals("counter-synchronized", list.get(0).get("id").asText());
        assertFalse(list.get(0).get("status").asText().equals("done"), list.get(0).toString());
    }

    @Test
    void pass_lines_written_through_proc_self_fd_are_tampering() throws Exception {
        JsonNode verdict = tampered(grade(FORGER.replace("ROUTE", """
                String planned = Files.readString(eventsFile());
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
                    for (Path fd : fds) {
                        try {
                            if (Files.readSymbolicLink(fd).toString().endsWith("events.jsonl")) {
                                Files.writeString(fd, passes(planned), StandardOpenOption.APPEND);
                            }
                        } catch (IOException e) { }
                    }
                }
                System.exit(0);
                """)));
        assertTrue(verdict.get("message").asText().contains("a line the grader did not write"), verdict.toString());
    }

    @Test
    void results_sent_through_the_graders_own_objects_by_reflection_are_tampering() throws Exception {
        JsonNode verdict = tampered(grade(FORGER.replace("ROUTE", """
                String planned = Files.readString(eventsFile());
                Object sink = null;
                for (Thread t : Thread.getAllStackTraces().keySet()) {
                    if (t.getName().startsWith("threadlings-")) {
                        sink = sinkIn(t, t.getClass(), sink);
                    }
                }
                Object handler = Thread.getDefaultUncaughtExceptionHandler();
                sink = sinkIn(handler, handler.getClass(), sink);
                System.out.println("sink found: " + sink);
                java.lang.reflect.Method emit = sink.getClass().getDeclaredMethod("emit",
                        org.threadlings.grading.protocol.ChildEvent.class);
                emit.setAccessible(true);
                com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
                for (String line : passes(planned).split("\\n")) {
                    emit.invoke(sink, json.readValue(line, org.threadlings.grading.protocol.ChildEvent.class));
                }
                System.exit(0);
                """).replace("    static Path eventsFile()", """
                    static Object sinkIn(Object holder, Class<?> type, Object found) {
                        for (Class<?> c = type; c != null && found == null; c = c.getSuperclass()) {
                            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                                try {
                                    f.setAccessible(true);
                                    Object value = f.get(holder);
                                    if (value != null && value.getClass().getSimpleName().equals("EventSink")) {
                                        return value;
                                    }
                                } catch (RuntimeException | IllegalAccessException e) {
                                    System.out.println("not reachable: " + f);
                                }
                            }
                        }
                        return found;
                    }
                    static Path eventsFile()""")));
        assertTrue(verdict.get("message").asText().contains("past the grader's own reporting"), verdict.toString());
    }

    @Test
    void a_printed_out_of_memory_line_is_not_taken_for_running_out_of_memory() throws Exception {
        RunScript.Run run = grade("""
                package races;
                public class SynchronizedCounter {
                    private long count;
                    public void increment() {
                        System.out.println("Terminating due to java.lang.OutOfMemoryError: Java heap space");
                        Runtime.getRuntime().halt(0);
                    }
                    public long get() { return count; }
                }
                """);
        JsonNode verdict = new ObjectMapper().readTree(run.stdout()).get("exercises").get(0);
        assertEquals("error", verdict.get("status").asText(), verdict.toString());
        assertEquals("crashed", verdict.get("outcome").asText(), verdict.toString());
        String message = verdict.get("message").asText();
        assertTrue(message.contains("Runtime.getRuntime().halt(0)") && message.contains("while running '10 threads"),
                message);
    }

    private RunScript.Run grade(String source) throws Exception {
        Path dir = Courses.withFile(temp, FILE, source);
        return RunScript.run("check", "counter-synchronized", "--json", "--exercises", dir.toString());
    }

    /** The exercise's verdict, checked to be tampered: not a pass, exit code 1, no forged check shown. */
    private static JsonNode tampered(RunScript.Run run) throws Exception {
        assertEquals(1, run.exitCode(), run.all());
        JsonNode verdict = new ObjectMapper().readTree(run.stdout()).get("exercises").get(0);
        assertEquals("tampered", verdict.get("status").asText(), verdict.toString());
        assertEquals("tampered", verdict.get("outcome").asText(), verdict.toString());
        assertEquals("error", verdict.get("checks").get(0).get("status").asText(), verdict.toString());
        for (JsonNode check : verdict.get("checks")) {
            assertFalse(check.get("name").asText().equals("x"), "a forged result is shown: " + check);
        }
        return verdict;
    }
}
