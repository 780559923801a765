package org.threadlings.checks.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP server on 127.0.0.1 and a free port, for checks of code that makes requests. It
 * records every request, so a check can judge from the server's side what the client did: how
 * many requests were in flight at once, in which order they came, how many fell in any window
 * of time, how retries were spaced.
 *
 * <pre>{@code
 * try (LoopbackServer server = LoopbackServer.start(
 *         Route.at("/items/").delay(Duration.ofMillis(200)).body(uri -> "item " + uri.getPath()))) {
 *     student.fetchAll(List.of(server.uri("/items/1"), server.uri("/items/2")));
 *     assertEquals(2, server.peakInFlight());
 * }
 * }</pre>
 *
 * Each request is handled on a virtual thread of its own, so the server never limits how many
 * run at once, and delays are real waits on the server's side. {@link #close()} ends every
 * request still in progress and leaves no thread running.
 */
public final class LoopbackServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final RequestLog log;
    private final CountDownLatch closing;

    private LoopbackServer(HttpServer server, ExecutorService executor, RequestLog log, CountDownLatch closing) {
        this.server = server;
        this.executor = executor;
        this.log = log;
        this.closing = closing;
    }

    /**
     * Starts a server with these routes. A request that matches none is recorded and answered
     * 404, unless a route covers {@code /}.
     */
    public static LoopbackServer start(Route... routes) {
        RequestLog log = new RequestLog();
        CountDownLatch closing = new CountDownLatch(1);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a port on 127.0.0.1", e);
        }
        boolean root = false;
        for (Route route : routes) {
            server.createContext(route.path(), new RouteHandler(route, log, closing));
            root |= route.path().equals("/");
        }
        if (!root) {
            server.createContext("/", new RouteHandler(Route.at("/").failingFirst(Integer.MAX_VALUE, 404), log, closing));
        }
        ExecutorService executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("loopback-request-", 0).factory());
        server.setExecutor(executor);
        server.start();
        return new LoopbackServer(server, executor, log, closing);
    }

    /** The address of {@code pathAndQuery} on this server: {@code uri("/items/3?page=2")}. */
    public URI uri(String pathAndQuery) {
        if (!pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("a path starts with /: " + pathAndQuery);
        }
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Every request so far, in arrival order. */
    public List<RecordedRequest> requests() {
        return log.snapshot();
    }

    /** The requests whose path is exactly {@code path}, in arrival order. */
    public List<RecordedRequest> requestsTo(String path) {
        return requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The most requests that were being handled at the same moment. */
    public int peakInFlight() {
        return log.peakInFlight();
    }

    /** Requests being handled right now. */
    public int inFlight() {
        return log.inFlight();
    }

    /** The most arrivals within any stretch of time {@code window} long: a rate envelope. */
    public int maxInAnyWindow(Duration window) {
        if (!window.isPositive()) {
            throw new IllegalArgumentException("a window is longer than zero: " + window);
        }
        List<Duration> arrivals = requests().stream().map(RecordedRequest::arrival).sorted().toList();
        int most = 0;
        int first = 0;
        for (int last = 0; last < arrivals.size(); last++) {
            while (arrivals.get(last).minus(arrivals.get(first)).compareTo(window) >= 0) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }

    /**
     * From the first arrival to the last completion, or to the last arrival if that is later
     * (a request never answered); zero before any request.
     */
    public Duration wallTime() {
        List<RecordedRequest> all = requests();
        if (all.isEmpty()) {
            return Duration.ZERO;
        }
        Duration first = all.getFirst().arrival();
        Duration last = all.stream()
                .map(r -> r.completion().orElse(r.arrival()))
                .max(Comparator.naturalOrder()).orElse(first);
        return last.minus(first);
    }

    /** The time between successive arrivals at {@code path}: the spacing of retries. */
    public List<Duration> gapsBetween(String path) {
        List<RecordedRequest> to = requestsTo(path);
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < to.size(); i++) {
            gaps.add(to.get(i).arrival().minus(to.get(i - 1).arrival()));
        }
        return gaps;
    }

    /**
     * Ends every request in progress (stalled ones included, unanswered), closes the port and
     * waits for the server's threads to end.
     */
    @Override
    public void close() {
        closing.countDown();
        executor.shutdownNow();
        server.stop(0);
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the loopback server's request threads did not end within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "LoopbackServer on " + uri("/") + " (" + requests().size() + " requests)";
    }
}
