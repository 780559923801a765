package org.threadlings.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class FailureTextTest {

    private static final Predicate<String> THIS_TEST = name -> name.startsWith(FailureTextTest.class.getName());

    @Test
    void aStackOverflowIsSummarisedByTheFrameThatRepeats() {
        StackOverflowError overflow = assertThrows(StackOverflowError.class, () -> countDown(Long.MAX_VALUE));

        String text = FailureText.threw(overflow, THIS_TEST);

        assertTrue(text.startsWith("threw StackOverflowError: the call stack ran out"), text);
        List<String> frames = text.lines().filter(l -> l.startsWith("  at ")).toList();
        assertEquals(1, frames.size(), text);
        int depth = overflow.getStackTrace().length;
        assertTrue(frames.get(0).matches("  at " + FailureTextTest.class.getName().replace(".", "\\.")
                + "\\.countDown\\(FailureTextTest\\.java:\\d+\\)  \\(\\d+ of the last " + depth + " calls\\)"), text);
        assertTrue(text.lines().count() < 5, "a handful of lines, not the whole stack:\n" + text);
    }

    @Test
    void aRecursionInACircleShowsEveryFrameOfTheCircle() {
        StackOverflowError overflow = assertThrows(StackOverflowError.class, () -> ping(0));

        String text = FailureText.threw(overflow, THIS_TEST);

        assertTrue(text.contains(".ping(FailureTextTest.java:"), text);
        assertTrue(text.contains(".pong(FailureTextTest.java:"), text);
    }

    @Test
    void aStackOverflowWithoutRepeatsFallsBackToTheFocusFrames() {
        StackOverflowError overflow = new StackOverflowError();
        overflow.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("java.util.HashMap", "hash", "HashMap.java", 338),
                new StackTraceElement("org.example.Tree", "depth", "Tree.java", 12),
                new StackTraceElement("org.example.Main", "main", "Main.java", 3)});

        String text = FailureText.threw(overflow, name -> name.startsWith("org.example."));

        assertTrue(text.endsWith("\n  at org.example.Tree.depth(Tree.java:12)\n  at org.example.Main.main(Main.java:3)"),
                text);
    }

    @Test
    void anOrdinaryExceptionKeepsTheFramesInFocus() {
        IllegalStateException failure = assertThrows(IllegalStateException.class, FailureTextTest::explode);

        String text = FailureText.threw(failure, THIS_TEST);

        assertTrue(text.startsWith("threw java.lang.IllegalStateException: the vault is empty\n"), text);
        List<String> frames = text.lines().skip(1).toList();
        assertFalse(frames.isEmpty(), text);
        assertTrue(frames.get(0).startsWith("  at " + FailureTextTest.class.getName() + ".explode(FailureTextTest.java:"),
                text);
        assertTrue(frames.stream().allMatch(f -> f.startsWith("  at " + FailureTextTest.class.getName())),
                "only frames in focus:\n" + text);
        assertTrue(frames.size() <= 4, text);
    }

    @Test
    void withNoFrameInFocusTheTopFramesAreShown() {
        IllegalStateException failure = new IllegalStateException("boom");
        failure.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("java.util.ArrayList", "get", "ArrayList.java", 1),
                new StackTraceElement("java.util.ArrayList", "get", "ArrayList.java", 2),
                new StackTraceElement("java.util.ArrayList", "get", "ArrayList.java", 3),
                new StackTraceElement("java.util.ArrayList", "get", "ArrayList.java", 4),
                new StackTraceElement("java.util.ArrayList", "get", "ArrayList.java", 5)});

        String text = FailureText.threw(failure, name -> false);

        assertEquals("""
                threw java.lang.IllegalStateException: boom
                  at java.util.ArrayList.get(ArrayList.java:1)
                  at java.util.ArrayList.get(ArrayList.java:2)
                  at java.util.ArrayList.get(ArrayList.java:3)
                  at java.util.ArrayList.get(ArrayList.java:4)""", text);
    }

    @Test
    void aCauseIsNamed() {
        RuntimeException failure = new RuntimeException("transfer failed", new ArithmeticException("/ by zero"));

        String text = FailureText.threw(failure, THIS_TEST);

        assertTrue(text.endsWith("\ncaused by java.lang.ArithmeticException: / by zero"), text);
    }

    private static long countDown(long n) {
        return n == 0 ? 0 : 1 + countDown(n - 1);
    }

    private static long ping(long n) {
        return 1 + pong(n + 1);
    }

    private static long pong(long n) {
        return 1 + ping(n + 1);
    }

    private static void explode() {
        throw new IllegalStateException("the vault is empty");
    }
}
