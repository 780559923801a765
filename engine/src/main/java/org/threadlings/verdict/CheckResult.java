package org.threadlings.verdict;

import java.util.List;

/**
 * The result of one hidden check.
 *
 * @param message     what was expected, what happened and what to try next; empty on a plain pass
 * @param measurement set where a measured value was judged (speed-ups), else null
 * @param details     further lines worth showing, such as throughput figures that are not graded
 */
public record CheckResult(String id, String name, CheckStatus status, String message,
                          Measurement measurement, List<String> details, long millis) {

    public CheckResult {
        details = List.copyOf(details);
        message = message == null ? "" : message;
    }

    /**
     * The check's short name: its method name, read from the JUnit unique id; the id itself for
     * built-in checks (such as the leftovers check). A lesson's {@code caught-by} names this.
     */
    public String method() {
        int at = id.lastIndexOf("[method:");
        if (at < 0) {
            return id;
        }
        int end = id.indexOf('(', at);
        return id.substring(at + "[method:".length(), end < 0 ? id.length() : end);
    }
}
