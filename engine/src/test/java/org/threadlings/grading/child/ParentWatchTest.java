package org.threadlings.grading.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The end of its input ends a grading JVM, however its threads are interrupted: the watch that a
 * JVM relies on where the kernel's parent-death signal is not available (JDK 21, macOS).
 */
class ParentWatchTest {

    @Test
    void the_end_of_input_halts_the_jvm_even_while_every_thread_is_interrupted_again_and_again() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                WatchedByItsParent.class.getName()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("running", out.readLine());
            Thread.sleep(500); // the interrupts have been going on for a while

            child.getOutputStream().close();

            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the JVM did not end when its input closed");
            assertEquals(ParentWatch.EXIT_PARENT_GONE, child.exitValue());
        } finally {
            child.destroyForcibly();
        }
    }
}
