package org.threadlings.checks.http;

import java.time.Duration;

/** A token bucket: holds up to {@code capacity} permits, refilled evenly, capacity per period. */
final class TokenBucket {

    private final int capacity;
    private final double permitsPerNano;
    private double tokens;
    private long lastRefill = System.nanoTime();

    TokenBucket(int capacity, Duration period) {
        this.capacity = capacity;
        this.permitsPerNano = capacity / (double) period.toNanos();
        this.tokens = capacity;
    }

    synchronized boolean tryTake() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Whole seconds until a permit is back, at least 1: the value of a Retry-After header. */
    synchronized long secondsUntilNext() {
        refill();
        double nanos = Math.max(0, 1 - tokens) / permitsPerNano;
        return Math.max(1, (long) Math.ceil(nanos / 1e9));
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - lastRefill) * permitsPerNano);
        lastRefill = now;
    }
}
