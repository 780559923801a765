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
 * Reference solution of exercise slow-requests: one thread per request, all started before any
 * is joined. The threads spend their time waiting for the server, not computing, so there can
 * be many more of them than cores. Each thread writes its own slot, so the bodies stay in the
 * order of the URIs whatever order the answers arrive in.
 */
public class PageFetcher {

    /** Fetches every URI and returns the bodies, body i for uris.get(i). */
    public static List<String> fetchAll(HttpClient client, List<URI> uris) throws InterruptedException {
        String[] bodies = new String[uris.size()];
        Thread[] threads = new Thread[uris.size()];
        for (int i = 0; i < uris.size(); i++) {
            int slot = i;
            threads[i] = new Thread(() -> bodies[slot] = fetch(client, uris.get(slot)), "fetch-" + i);
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
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
