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
}
