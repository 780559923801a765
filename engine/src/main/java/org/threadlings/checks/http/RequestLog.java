package org.threadlings.checks.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every request the server has seen, in arrival order, and how many were in flight. One lock
 * for all of it: requests are few and the log must be consistent when a check reads it.
 */
final class RequestLog {

    private final long startNanos = System.nanoTime();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private int inFlight;
    private int peakInFlight;

    /** Records an arrival and returns its sequence number. */
    synchronized int arrive(String method, String path, String query) {
        inFlight++;
        peakInFlight = Math.max(peakInFlight, inFlight);
        int sequence = requests.size();
        requests.add(new RecordedRequest(sequence, method, path, query, sinceStart(), Optional.empty(), 0, inFlight));
        return sequence;
    }

    /**
     * Records the answer's status, just before its last bytes are sent, so that a client holding
     * the answer always finds it recorded.
     */
    synchronized void complete(int sequence, int status) {
        RecordedRequest r = requests.get(sequence);
        requests.set(sequence, new RecordedRequest(r.sequence(), r.method(), r.path(), r.query(), r.arrival(),
                Optional.of(sinceStart()), status, r.inFlightAtArrival()));
        inFlight--;
    }

    /** A request that ends without an answer: a stall, a client that left, the server closing. */
    synchronized void abandon(int sequence) {
        inFlight--;
    }

    synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(requests);
    }

    synchronized int inFlight() {
        return inFlight;
    }

    synchronized int peakInFlight() {
        return peakInFlight;
    }

    private Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
