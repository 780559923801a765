package threads;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/*
 * Exercise fetch-all -- fetch N resources at the same time, with plain threads.
 *
 * fetchAll() below fetches the URIs one after another: with 6 URIs that each take the server
 * 200 ms to answer, it takes 1.2 s. Make it start one thread per URI, so that all the requests
 * are in flight at once and the whole call takes about one request's time.
 *
 * What fetchAll() must do:
 *   - start one Thread per URI, each calling fetch(client, uri) for its own URI;
 *   - join every thread before it returns: none of them may still be running afterwards;
 *   - return the bodies in the order of `uris`, whatever order the answers arrive in;
 *   - if any fetch failed, throw an IOException that carries that failure (as its cause),
 *     instead of returning: an exception inside a thread must not be lost.
 *
 * Use plain threads (new Thread(...), start(), join()): no executor, no CompletableFuture, no
 * sendAsync. Those come later in the course.
 *
 * Edit the body of fetchAll() only. Keep fetch() and all the signatures as they are.
 *
 *   ./run.sh check fetch-all     grade it
 *   ./run.sh hint fetch-all      one hint at a time
 */
public final class Fetcher {

    private Fetcher() {
    }

    /** Fetches one URI and returns its body. Throws IOException if the answer is not 200 OK. */
    static String fetch(HttpClient client, URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + uri);
        }
        return response.body();
    }

    /** The bodies of all the URIs, in the order of {@code uris}. */
    public static List<String> fetchAll(HttpClient client, List<URI> uris) throws IOException, InterruptedException {
        List<String> bodies = new ArrayList<>();
        for (URI uri : uris) {
            bodies.add(fetch(client, uri));
        }
        return bodies;
    }
}
