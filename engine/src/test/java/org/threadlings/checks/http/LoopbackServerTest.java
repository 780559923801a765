package org.threadlings.checks.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Asserts on counts, order and statuses only: where a test depends on requests meeting, the
 * route gathers them with a long patience, which costs nothing when they do meet.
 */
@Timeout(60)
class LoopbackServerTest {

    private static final Duration LONG = Duration.ofSeconds(20);
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterAll
    static void closeClient() {
        CLIENT.close();
    }

    private static HttpResponse<String> get(LoopbackServer server, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(server.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<HttpResponse<String>> getAll(LoopbackServer server, List<String> paths) {
        List<CompletableFuture<HttpResponse<String>>> sent = paths.stream()
                .map(p -> CLIENT.sendAsync(HttpRequest.newBuilder(server.uri(p)).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        return sent.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void answers_with_a_body_made_from_the_request_and_records_it() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(
                Route.at("/items/").body(uri -> "item " + uri.getPath().substring(7) + " " + uri.getQuery()))) {
            HttpResponse<String> response = get(server, "/items/3?page=2");

            assertEquals(200, response.statusCode());
            assertEquals("item 3 page=2", response.body());
            RecordedRequest recorded = server.requests().getFirst();
            assertEquals("/items/3", recorded.path());
            assertEquals("page=2", recorded.query());
            assertEquals("/items/3?page=2", recorded.target());
            assertEquals("GET", recorded.method());
            assertEquals(200, recorded.status());
            assertTrue(recorded.answered());
            assertTrue(recorded.completion().isPresent());
            assertEquals(1, recorded.inFlightAtArrival());
            assertEquals(1, server.requestsTo("/items/3").size());
        }
    }

    @Test
    void a_path_without_a_route_is_answered_404_and_recorded() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(Route.at("/known"))) {
            assertEquals(404, get(server, "/unknown").statusCode());
            assertEquals(404, server.requestsTo("/unknown").getFirst().status());
        }
    }

    @Test
    void concurrent_requests_are_all_in_flight_at_once() {
        try (LoopbackServer server = LoopbackServer.start(
                Route.at("/slow").gathering(6, LONG).delay(Duration.ofMillis(50)))) {
            List<HttpResponse<String>> responses = getAll(server, List.of("/slow", "/slow", "/slow", "/slow",
                    "/slow", "/slow"));

            assertTrue(responses.stream().allMatch(r -> r.statusCode() == 200));
            assertEquals(6, server.peakInFlight());
            assertEquals(6, server.requests().stream().mapToInt(RecordedRequest::inFlightAtArrival).max().orElse(0));
            assertEquals(6, server.maxInAnyWindow(LONG));
            assertEquals(0, server.inFlight());
        }
    }

    @Test
    void a_gathering_that_runs_out_of_patience_holds_no_later_request() throws Exception {
        // Long enough that the difference (one patience against four) dwarfs any machine's noise.
        Duration patience = Duration.ofSeconds(2);
        try (LoopbackServer server = LoopbackServer.start(Route.at("/slow").gathering(6, patience))) {
            long start = System.nanoTime();
            for (int i = 0; i < 4; i++) {
                get(server, "/slow");
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertEquals(1, server.peakInFlight());
            // Held once, not four times: the first request waits out the patience, the rest pass.
            assertTrue(took.compareTo(patience.multipliedBy(2)) < 0, "four requests one at a time took " + took);
        }
    }

    @Test
    void requests_sent_one_after_another_show_a_peak_of_one() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(Route.at("/").delay(Duration.ofMillis(5)))) {
            for (int i = 0; i < 4; i++) {
                get(server, "/n/" + i);
            }
            assertEquals(1, server.peakInFlight());
            assertEquals(List.of("/n/0", "/n/1", "/n/2", "/n/3"),
                    server.requests().stream().map(RecordedRequest::path).toList());
            assertEquals(List.of(0, 1, 2, 3), server.requests().stream().map(RecordedRequest::sequence).toList());
        }
    }

    @Test
    void the_first_requests_fail_then_the_route_recovers() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(Route.at("/flaky").failingFirst(2, 503))) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                statuses.add(get(server, "/flaky").statusCode());
            }
            assertEquals(List.of(503, 503, 200), statuses);
            assertEquals(2, server.gapsBetween("/flaky").size());
        }
    }

    @Test
    void a_failure_rate_of_one_answers_every_request_with_one_of_the_statuses() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(Route.at("/bad").failing(1.0, 500, 502))) {
            for (int i = 0; i < 6; i++) {
                assertTrue(Set.of(500, 502).contains(get(server, "/bad").statusCode()));
            }
        }
    }

    @Test
    void a_stalled_request_is_never_answered_so_the_client_times_out() {
        try (LoopbackServer server = LoopbackServer.start(Route.at("/stuck").stallingFirst(1))) {
            HttpRequest request = HttpRequest.newBuilder(server.uri("/stuck")).timeout(Duration.ofMillis(200)).build();

            assertThrows(HttpTimeoutException.class, () -> CLIENT.send(request, HttpResponse.BodyHandlers.ofString()));
            RecordedRequest stalled = server.requests().getFirst();
            assertFalse(stalled.answered());
            assertTrue(stalled.completion().isEmpty());
            assertTrue(stalled.duration().isEmpty());
        }
    }

    @Test
    void a_slow_body_arrives_whole() throws Exception {
        String text = "0123456789".repeat(10);
        try (LoopbackServer server = LoopbackServer.start(
                Route.at("/drip").slowBody(4, Duration.ofMillis(10)).body(uri -> text))) {
            HttpResponse<String> response = get(server, "/drip");

            assertEquals(text, response.body());
            assertEquals(200, server.requests().getFirst().status());
        }
    }

    @Test
    void a_token_bucket_answers_429_once_its_permits_are_spent() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(Route.at("/api").limit(3, Duration.ofSeconds(60)))) {
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                responses.add(get(server, "/api"));
            }
            assertEquals(List.of(200, 200, 200, 429, 429), responses.stream().map(HttpResponse::statusCode).toList());
            assertTrue(responses.getLast().headers().firstValueAsLong("Retry-After").orElse(0) >= 1);
        }
    }

    @Test
    void requests_in_any_window_count_arrivals_close_together() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(Route.at("/"))) {
            for (int i = 0; i < 3; i++) {
                get(server, "/w");
            }
            assertEquals(3, server.maxInAnyWindow(LONG));
            assertEquals(1, server.maxInAnyWindow(Duration.ofNanos(1)));
            assertThrows(IllegalArgumentException.class, () -> server.maxInAnyWindow(Duration.ZERO));
        }
    }

    @Test
    void closing_leaves_no_thread_running_even_with_requests_in_progress() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        LoopbackServer server = LoopbackServer.start(Route.at("/stuck").stallingFirst(1),
                Route.at("/slow").delay(Duration.ofSeconds(30)));
        CompletableFuture<HttpResponse<String>> stuck = CLIENT.sendAsync(
                HttpRequest.newBuilder(server.uri("/stuck")).build(), HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> slow = CLIENT.sendAsync(
                HttpRequest.newBuilder(server.uri("/slow")).build(), HttpResponse.BodyHandlers.ofString());
        while (server.inFlight() < 2) {
            Thread.sleep(5);
        }

        server.close();

        assertEquals(0, server.inFlight());
        assertTrue(server.requests().stream().noneMatch(RecordedRequest::answered));
        List<Thread> left = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && !t.isDaemon())
                .toList();
        assertEquals(List.of(), left);
        assertThrows(Exception.class, stuck::join);
        assertThrows(Exception.class, slow::join);
    }

    @Test
    void wall_time_runs_from_the_first_arrival_to_the_last_completion() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(Route.at("/"))) {
            assertEquals(Duration.ZERO, server.wallTime());
            get(server, "/a");
            get(server, "/b");
            RecordedRequest last = server.requests().getLast();
            assertEquals(last.completion().orElseThrow().minus(server.requests().getFirst().arrival()),
                    server.wallTime());
        }
    }
}
