package parallelism;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Collections;
import java.util.ArrayList;

/*
 * Known-wrong answer to slow-requests: bodies are added to a shared list as the answers
 * arrive, so the list is in the order the server answered.
 */
public class PageFetcher {

    /** Fetches every URI and returns the bodies, body i for uris.get(i). */
    public static List<String> fetchAll(HttpClient client, List<URI> uris) throws InterruptedException {
        List<String> bodies = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (URI uri : uris) {
            Thread thread = new Thread(() -> bodies.add(fetch(client, uri))); // added when the answer comes
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return bodies;
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
