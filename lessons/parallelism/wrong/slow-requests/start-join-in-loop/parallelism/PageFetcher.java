package parallelism;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

/*
 * Known-wrong answer to slow-requests: each thread is joined right after it is started, so the
 * requests go one at a time.
 */
public class PageFetcher {

    /** Fetches every URI and returns the bodies, body i for uris.get(i). */
    public static List<String> fetchAll(HttpClient client, List<URI> uris) throws InterruptedException {
        String[] bodies = new String[uris.size()];
        for (int i = 0; i < uris.size(); i++) {
            int slot = i;
            Thread thread = new Thread(() -> bodies[slot] = fetch(client, uris.get(slot)), "fetch-" + i);
            thread.start();
            thread.join(); // the next request is not even sent until this one is answered
        }
        return Arrays.asList(bodies);
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
