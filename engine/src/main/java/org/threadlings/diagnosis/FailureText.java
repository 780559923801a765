package org.threadlings.diagnosis;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * An exception from the student's code, in words: what was thrown and the few frames that
 * matter. A stack overflow is summarised by the frames that repeat, which point at the
 * recursion, instead of a thousand identical lines.
 */
public final class FailureText {

    private static final int FRAMES_SHOWN = 4;

    private FailureText() {
    }

    /**
     * {@code threw java.lang.X: message} and the frames that {@code focus} accepts (by class
     * name), or the top frames when none does.
     */
    public static String threw(Throwable failure, Predicate<String> focus) {
        if (failure instanceof StackOverflowError) {
            return stackOverflow(failure, focus);
        }
        return "threw " + failure + "\n" + frames(failure, focus)
                + (failure.getCause() != null && failure.getCause() != failure ? "\ncaused by " + failure.getCause() : "");
    }

    static String frames(Throwable failure, Predicate<String> focus) {
        List<StackTraceElement> stack = Arrays.asList(failure.getStackTrace());
        List<StackTraceElement> chosen = stack.stream().filter(e -> focus.test(e.getClassName())).limit(FRAMES_SHOWN).toList();
        List<StackTraceElement> shown = chosen.isEmpty() ? stack.stream().limit(FRAMES_SHOWN).toList() : chosen;
        return shown.stream().map(e -> "  at " + Frame.of(e)).collect(Collectors.joining("\n"));
    }

    private static String stackOverflow(Throwable failure, Predicate<String> focus) {
        Map<StackTraceElement, Integer> counts = new LinkedHashMap<>();
        for (StackTraceElement element : failure.getStackTrace()) {
            counts.merge(element, 1, Integer::sum);
        }
        int depth = failure.getStackTrace().length;
        String repeating = counts.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
                .limit(3)
                .map(e -> "  at " + Frame.of(e.getKey()) + "  (" + e.getValue() + " of the last " + depth + " calls)")
                .collect(Collectors.joining("\n"));
        return "threw StackOverflowError: the call stack ran out, so a method kept calling itself (directly, "
                + "or in a circle) without reaching a case that stops it.\n"
                + (repeating.isEmpty() ? frames(failure, focus) : repeating);
    }
}
