package org.threadlings.checks.http;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * How the server answers the requests under one path: after a delay, sometimes failing or never
 * answering, slowly, within a rate limit, with a body made from the request. Immutable: every
 * method returns a changed copy, so routes can be shared and built up step by step.
 *
 * <pre>{@code
 * Route.at("/items/").delayBetween(Duration.ofMillis(100), Duration.ofMillis(300))
 *      .failing(0.2, 500, 503)
 *      .body(uri -> "item " + uri.getPath().substring("/items/".length()));
 * }</pre>
 *
 * Every wait is a real wait on the server's side (a sleeping request thread), never a sleep in
 * the client, so a client that fetches concurrently is fast for the right reason.
 */
public final class Route {

    private final String path;
    private final Function<URI, Duration> delay;
    private final double failureRate;
    private final int failFirst;
    private final int[] failureStatuses;
    private final double stallRate;
    private final int stallFirst;
    private final int chunks;
    private final Duration chunkPause;
    private final int permits;
    private final Duration permitPeriod;
    private final int gather;
    private final Duration gatherPatience;
    private final Function<URI, String> body;

    private Route(String path, Function<URI, Duration> delay, double failureRate, int failFirst,
                  int[] failureStatuses, double stallRate, int stallFirst, int chunks, Duration chunkPause,
                  int permits, Duration permitPeriod, int gather, Duration gatherPatience,
                  Function<URI, String> body) {
        this.path = path;
        this.delay = delay;
        this.failureRate = failureRate;
        this.failFirst = failFirst;
        this.failureStatuses = failureStatuses;
        this.stallRate = stallRate;
        this.stallFirst = stallFirst;
        this.chunks = chunks;
        this.chunkPause = chunkPause;
        this.permits = permits;
        this.permitPeriod = permitPeriod;
        this.gather = gather;
        this.gatherPatience = gatherPatience;
        this.body = body;
    }

    /**
     * A route for {@code path} and everything under it (the JDK server matches the longest
     * prefix), answering at once with 200 and the body {@code "ok"}.
     */
    public static Route at(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a route's path starts with /: " + path);
        }
        return new Route(path, uri -> Duration.ZERO, 0, 0, new int[] {500}, 0, 0, 1, Duration.ZERO,
                0, Duration.ZERO, 0, Duration.ZERO, uri -> "ok");
    }

    /** Waits {@code wait} before answering each request. */
    public Route delay(Duration wait) {
        return delayBy(uri -> wait);
    }

    /** Waits a random time between {@code min} and {@code max} (inclusive) before answering. */
    public Route delayBetween(Duration min, Duration max) {
        long low = min.toNanos();
        long high = max.toNanos();
        if (high < low) {
            throw new IllegalArgumentException("max delay " + max + " is below min " + min);
        }
        return delayBy(uri -> Duration.ofNanos(low + ThreadLocalRandom.current().nextLong(high - low + 1)));
    }

    /** Waits a time chosen from the request, for instance to make later requests finish first. */
    public Route delayBy(Function<URI, Duration> wait) {
        return new Route(path, Objects.requireNonNull(wait), failureRate, failFirst, failureStatuses, stallRate,
                stallFirst, chunks, chunkPause, permits, permitPeriod, gather, gatherPatience, body);
    }

    /**
     * Answers a share of the requests ({@code rate}, 0 to 1) with one of {@code statuses},
     * chosen at random, after the delay.
     */
    public Route failing(double rate, int... statuses) {
        return new Route(path, delay, rate(rate), failFirst, statuses(statuses), stallRate, stallFirst, chunks,
                chunkPause, permits, permitPeriod, gather, gatherPatience, body);
    }

    /** Answers the first {@code n} requests with {@code status}, the rest as usual: for retries. */
    public Route failingFirst(int n, int status) {
        return new Route(path, delay, failureRate, n, statuses(status), stallRate, stallFirst, chunks,
                chunkPause, permits, permitPeriod, gather, gatherPatience, body);
    }

    /**
     * Never answers a share of the requests: they wait until the server closes, so only a
     * client-side time-out gets the client out.
     */
    public Route stalling(double rate) {
        return new Route(path, delay, failureRate, failFirst, failureStatuses, rate(rate), stallFirst, chunks,
                chunkPause, permits, permitPeriod, gather, gatherPatience, body);
    }

    /** Never answers the first {@code n} requests, the rest as usual. */
    public Route stallingFirst(int n) {
        return new Route(path, delay, failureRate, failFirst, failureStatuses, stallRate, n, chunks,
                chunkPause, permits, permitPeriod, gather, gatherPatience, body);
    }

    /** Sends the body in {@code chunks} pieces with a pause before each one but the first. */
    public Route slowBody(int chunks, Duration pause) {
        if (chunks < 1) {
            throw new IllegalArgumentException("a body needs at least one chunk: " + chunks);
        }
        return new Route(path, delay, failureRate, failFirst, failureStatuses, stallRate, stallFirst, chunks,
                pause, permits, permitPeriod, gather, gatherPatience, body);
    }

    /**
     * A token bucket: at most {@code permits} requests at once after a quiet spell, refilled at
     * {@code permits} per {@code period}. A request that finds the bucket empty is answered 429
     * (Too Many Requests) at once, with a {@code Retry-After} header.
     */
    public Route limit(int permits, Duration period) {
        if (permits < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a limit needs permits >= 1 and a positive period");
        }
        return new Route(path, delay, failureRate, failFirst, failureStatuses, stallRate, stallFirst, chunks,
                chunkPause, permits, period, gather, gatherPatience, body);
    }

    /**
     * Holds each request, before its delay, until {@code n} requests of this route are held
     * together. Requests sent concurrently meet however busy the machine is, so their peak in
     * flight shows it without a clock. If {@code patience} passes first, the gathering is given up
     * for good: the requests held are released and later ones are not held, so a client that
     * sends its requests one at a time waits out the patience once.
     */
    public Route gathering(int n, Duration patience) {
        return new Route(path, delay, failureRate, failFirst, failureStatuses, stallRate, stallFirst, chunks,
                chunkPause, permits, permitPeriod, n, patience, body);
    }

    /** The body of a successful answer, made from the request's URI (path and query). */
    public Route body(Function<URI, String> maker) {
        return new Route(path, delay, failureRate, failFirst, failureStatuses, stallRate, stallFirst, chunks,
                chunkPause, permits, permitPeriod, gather, gatherPatience, Objects.requireNonNull(maker));
    }

    public String path() {
        return path;
    }

    Duration delayFor(URI uri) {
        return delay.apply(uri);
    }

    /** The failure status for the request that arrived {@code index}-th on this route, or 0. */
    int failureFor(int index) {
        if (index < failFirst) {
            return failureStatuses[0];
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return failureRate > 0 && random.nextDouble() < failureRate
                ? failureStatuses[random.nextInt(failureStatuses.length)] : 0;
    }

    boolean stalls(int index) {
        return index < stallFirst || (stallRate > 0 && ThreadLocalRandom.current().nextDouble() < stallRate);
    }

    int chunks() {
        return chunks;
    }

    Duration chunkPause() {
        return chunkPause;
    }

    int permits() {
        return permits;
    }

    Duration permitPeriod() {
        return permitPeriod;
    }

    int gather() {
        return gather;
    }

    Duration gatherPatience() {
        return gatherPatience;
    }

    String bodyFor(URI uri) {
        return body.apply(uri);
    }

    private static double rate(double rate) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("a rate is between 0 and 1: " + rate);
        }
        return rate;
    }

    private static int[] statuses(int... statuses) {
        if (statuses.length == 0 || Arrays.stream(statuses).anyMatch(s -> s < 100 || s > 599)) {
            throw new IllegalArgumentException("failure statuses are HTTP codes: " + Arrays.toString(statuses));
        }
        return statuses.clone();
    }

    @Override
    public String toString() {
        return "Route " + path;
    }
}
