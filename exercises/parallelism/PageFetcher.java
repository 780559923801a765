package parallelism;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/*
 * Exercise slow-requests -- wait for many slow answers at once.
 *
 * fetchAll(client, uris) must fetch every URI and return the bodies in the order of the URIs:
 * body i belongs to uris.get(i). The server takes a while to answer each request. Right now
 * the requests go one after another, so twelve requests take twelve times as long as one.
 *
 * What to do: rewrite the body of fetchAll() so that every request is in flight at the same
 * time: one thread per request, all of them started before you join any. Then twelve requests
 * take about as long as one.
 *   - These threads wait for the network; they hardly use the processor. That is why there
 *     can be many more of them than cores.
 *   - Answers arrive in any order. Keep body i at index i (an array is the simplest way).
 *
 * Edit only the body of fetchAll(); you may add private methods. Keep the class name, the
 * signature of fetchAll() and the method fetch() as they are.
 *
 *   ./run.sh check slow-requests     grade it
 *   ./run.sh hint slow-requests      one hint at a time
 */
public class PageFetcher {

    /** Fetches every URI and returns the bodies, body i for uris.get(i). */
    public static List<String> fetchAll(HttpClient client, List<URI> uris) throws InterruptedException {
        List<String> bodies = new ArrayList<>();
        for (URI uri : uris) {
            bodies.add(fetch(client, uri));
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
