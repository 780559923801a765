package parallelism;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.ArrayList;

/*
 * Known-wrong answer to slow-requests: a pool of availableProcessors() threads: on 2 cores,
 * only 2 requests wait at a time.
 */
public class PageFetcher {

    /** Fetches every URI and returns the bodies, body i for uris.get(i). */
    public static List<String> fetchAll(HttpClient client, List<URI> uris) throws InterruptedException {
        // One thread per core: right for computing, too few for waiting.
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (URI uri : uris) {
                answers.add(pool.submit(() -> fetch(client, uri)));
            }
            List<String> bodies = new ArrayList<>();
            for (Future<String> answer : answers) {
                bodies.add(answer.get());
            }
            return bodies;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** One GET request; waits for the answer and returns its body. Keep this method as it is. */
    static String fetch(HttpClient client, URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).build();
            return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + uri, e);
        }
    }
}
