package org.threadlings.checks.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers one route's requests as the {@link Route} says, recording each in the log. Runs on a
 * thread of its own per request, so waiting here never holds up another request.
 */
final class RouteHandler implements HttpHandler {

    private final Route route;
    private final RequestLog log;
    private final CountDownLatch closing;
    private final AtomicInteger arrivals = new AtomicInteger();
    private final TokenBucket bucket;
    private final Object gate = new Object();
    private int gathered;
    private long generation;
    /** Set when a gathering ran out of patience: from then on no request is held. */
    private boolean broken;

    RouteHandler(Route route, RequestLog log, CountDownLatch closing) {
        this.route = route;
        this.log = log;
        this.closing = closing;
        this.bucket = route.permits() > 0 ? new TokenBucket(route.permits(), route.permitPeriod()) : null;
    }

    @Override
    public void handle(HttpExchange exchange) {
        URI uri = exchange.getRequestURI();
        int sequence = log.arrive(exchange.getRequestMethod(), uri.getPath(),
                uri.getRawQuery() == null ? "" : uri.getRawQuery());
        boolean answered = false;
        try {
            answered = respond(exchange, uri, arrivals.getAndIncrement(), sequence);
        } catch (InterruptedException e) {
            // The server is closing: leave the request unanswered.
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // The client went away, or a body function failed: nothing more can be sent.
        } finally {
            if (!answered) {
                log.abandon(sequence);
            }
            exchange.close();
        }
    }

    /** Returns whether an answer was recorded. */
    private boolean respond(HttpExchange exchange, URI uri, int index, int sequence)
            throws IOException, InterruptedException {
        if (bucket != null && !bucket.tryTake()) {
            exchange.getResponseHeaders().set("Retry-After", Long.toString(bucket.secondsUntilNext()));
            send(exchange, sequence, 429, "too many requests");
            return true;
        }
        if (route.gather() > 1) {
            gather();
        }
        if (route.stalls(index)) {
            closing.await();
            return false;
        }
        sleep(route.delayFor(uri));
        int failure = route.failureFor(index);
        if (failure != 0) {
            send(exchange, sequence, failure, "failure " + failure);
            return true;
        }
        byte[] body = route.bodyFor(uri).getBytes(StandardCharsets.UTF_8);
        if (route.chunks() == 1) {
            send(exchange, sequence, 200, body);
        } else {
            sendInChunks(exchange, sequence, body);
        }
        return true;
    }

    private void send(HttpExchange exchange, int sequence, int status, String body) throws IOException {
        send(exchange, sequence, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private void send(HttpExchange exchange, int sequence, int status, byte[] body) throws IOException {
        log.complete(sequence, status);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private void sendInChunks(HttpExchange exchange, int sequence, byte[] body)
            throws IOException, InterruptedException {
        exchange.sendResponseHeaders(200, 0);
        int chunks = route.chunks();
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < chunks; i++) {
                if (i > 0) {
                    sleep(route.chunkPause());
                }
                if (i == chunks - 1) {
                    log.complete(sequence, 200);
                }
                out.write(body, body.length * i / chunks, body.length * (i + 1) / chunks - body.length * i / chunks);
                out.flush();
            }
        }
    }

    /**
     * A cyclic rendezvous with patience: released when enough have gathered. When the patience
     * runs out the rendezvous breaks, like a broken barrier: everyone waiting is released and no
     * later request is held. The requests did not come together, and that is already on record
     * (the peak in flight); a client that sends them one at a time then waits out the patience
     * once, not once for every request.
     */
    private void gather() throws InterruptedException {
        long deadline = System.nanoTime() + route.gatherPatience().toNanos();
        synchronized (gate) {
            if (broken) {
                return;
            }
            long mine = generation;
            gathered++;
            if (gathered >= route.gather()) {
                gathered = 0;
                generation++;
                gate.notifyAll();
                return;
            }
            long left;
            while (generation == mine && !broken && (left = deadline - System.nanoTime()) > 0) {
                gate.wait(Math.max(1, left / 1_000_000));
            }
            if (generation == mine && !broken) {
                broken = true;
                gate.notifyAll();
            }
        }
    }

    private static void sleep(Duration wait) throws InterruptedException {
        if (wait.isPositive()) {
            Thread.sleep(wait);
        }
    }
}
