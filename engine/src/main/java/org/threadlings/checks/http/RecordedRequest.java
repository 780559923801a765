package org.threadlings.checks.http;

import java.time.Duration;
import java.util.Optional;

/**
 * One request as the server saw it. Times are offsets from the moment the server started, so
 * they compare with each other and need no clock of the check's own.
 *
 * @param sequence          arrival order, from 0
 * @param method            {@code GET}, {@code POST}, ...
 * @param path              the request path, such as {@code /items/3}
 * @param query             the raw query without {@code ?}, or empty
 * @param arrival           when the server began to handle it
 * @param completion        when the server began to send the last bytes of its answer; empty if
 *                          it never answered (a stall, or still in progress)
 * @param status            the status sent, or 0 if none was
 * @param inFlightAtArrival requests being handled at its arrival, itself included
 */
public record RecordedRequest(int sequence, String method, String path, String query, Duration arrival,
                              Optional<Duration> completion, int status, int inFlightAtArrival) {

    /** Whether the server answered it (any status). */
    public boolean answered() {
        return status != 0;
    }

    /** The path with its query, as it appeared in the request line: {@code /items/3?page=2}. */
    public String target() {
        return query.isEmpty() ? path : path + "?" + query;
    }

    /** From arrival to completion; empty if the request was never answered. */
    public Optional<Duration> duration() {
        return completion.map(done -> done.minus(arrival));
    }
}
