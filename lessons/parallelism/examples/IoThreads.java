package parallelism.examples;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An I/O-bound job: 16 requests to a real HTTP server on this machine (127.0.0.1) that takes
 * 200 ms to answer each one. Sent by 1, 2, 4, 8 and 16 threads. The threads spend nearly all
 * their time waiting, so the speed-up keeps growing long past the number of cores.
 */
public class IoThreads {

    static final int REQUESTS = 16;
    static final int DELAY_MILLIS = 200;

    public static void main(String[] args) throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(DELAY_MILLIS); // the slow server: it waits, it does not compute
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            byte[] body = "ok".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        // One virtual thread per request on the server's side, so the server never limits anything.
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("%d requests, each answered after %d ms; this JVM sees %d cores.%n%n",
                REQUESTS, DELAY_MILLIS, cores);

        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            sendAll(client, uri, 4); // a first round, so connections and classes are ready
            System.out.println("threads      time   speed-up   at the server at once");
            double one = 0;
            for (int threads : new int[] {1, 2, 4, 8, 16}) {
                peak.set(0);
                long start = System.nanoTime();
                sendAll(client, uri, threads);
                double seconds = (System.nanoTime() - start) / 1e9;
                if (threads == 1) {
                    one = seconds;
                }
                System.out.printf("%7d   %5.2f s   %7.1fx   %d%n", threads, seconds, one / seconds, peak.get());
            }
        } finally {
            server.stop(0);
        }
    }

    /** Sends every request through a pool of {@code threads} threads and waits for all answers. */
    static void sendAll(HttpClient client, URI uri, int threads) throws InterruptedException, ExecutionException {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                answers.add(pool.submit(() -> get(client, uri)));
            }
            for (Future<String> answer : answers) {
                answer.get();
            }
        }
    }

    static String get(HttpClient client, URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
