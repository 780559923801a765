package org.threadlings.loading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.threadlings.loading.CourseFolder.BASICS_FILE;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What jvm-options may set for the grading JVM, and how a refusal reads. */
class JvmOptionsTest {

    @TempDir
    Path tmp;

    @Test
    @DisplayName("options a lesson has reason to set are allowed")
    void allowed() {
        for (String option : List.of("-XX:CompileCommand=quiet", "-XX:CompileCommand=exclude,races.*::*",
                "-XX:+UnlockDiagnosticVMOptions", "-XX:-BackgroundCompilation", "-XX:+EnableDynamicAgentLoading",
                "-Xmx256m", "-Xmx1g", "-Xms512m", "-Xss1m", "-Xint", "-Dthreadlings.seed=42",
                "-Djdk.virtualThreadScheduler.parallelism=2", "-ea", "-da:races...", "--enable-preview",
                "--add-opens=java.base/java.lang=ALL-UNNAMED")) {
            assertEquals(Optional.empty(), JvmOptions.refusal(option), option);
        }
    }

    @Test
    @DisplayName("options that end the JVM, change its code, starve it or act outside the run are refused, with why")
    void refused() {
        assertRefused("-version", "prints information and ends the JVM");
        assertRefused("-showversion", "prints information");
        assertRefused("--help", "prints information");
        assertRefused("-XshowSettings:all", "prints information");
        assertRefused("-cp", "changes which code the grading JVM runs");
        assertRefused("--class-path=/tmp", "changes which code");
        assertRefused("-javaagent:/tmp/a.jar", "changes which code");
        assertRefused("-Xbootclasspath/a:/tmp", "changes which code");
        assertRefused("-Xmx1m", "-Xmx must be between 256m and 4g");
        assertRefused("-Xmx64g", "-Xmx must be between 256m and 4g");
        assertRefused("-Xmxlots", "'lots' is not a size");
        assertRefused("-Xss16k", "-Xss must be between 256k and 64m");
        assertRefused("-XX:OnError=rm -rf ~", "the runner sets -XX:OnError itself or it acts outside the run");
        assertRefused("-XX:MaxHeapSize=1m", "heap size: use -Xmx");
        assertRefused("-XX:+UseG1GC", "garbage collector");
        assertRefused("-Djava.class.path=/tmp", "owns the property 'java.class.path'");
        assertRefused("-Dfile.encoding=latin1", "owns the property");
        assertRefused("--add-opens", "same item");
        assertRefused("-Xfuture", "not an option a lesson may set");
        assertRefused("-verbose:gc", "not an option a lesson may set");
    }

    private static void assertRefused(String option, String words) {
        Optional<String> why = JvmOptions.refusal(option);
        assertTrue(why.isPresent() && why.get().contains(words), option + ": " + why);
    }

    @Test
    @DisplayName("a refused option is reported at its line in lesson.yaml")
    void reportedAtItsLine() {
        CourseFolder folder = new CourseFolder(tmp).withBasicsLesson();
        folder.basics(CourseFolder.BASICS + "    jvm-options:\n      - -XX:CompileCommand=quiet\n      - -version\n");
        folder.onlyProblem(BASICS_FILE + ":16:9", "JVM option '-version' is not allowed: it prints information");
    }
}
