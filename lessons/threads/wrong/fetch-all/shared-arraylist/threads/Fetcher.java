package threads;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/*
 * Known-wrong answer to fetch-all: every thread adds its body to one shared ArrayList, in the
 * order the answers arrive (and without any lock).
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
        int n = uris.size();
        // One slot per URI: each thread writes only its own, so no two threads share a slot and
        // the order is kept whatever order the answers come in.
        List<String> bodies = new ArrayList<>();
        Exception[] failures = new Exception[n];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                try {
                    bodies.add(fetch(client, uris.get(index)));
                } catch (Exception e) {
                    failures[index] = e; // carried back to the caller, not printed and lost
                }
            }, "fetch-" + i);
            thread.start();
            threads.add(thread);
        }
        // Only now wait: every request is already in flight. join() also makes each thread's
        // writes to the arrays visible here.
        for (Thread thread : threads) {
            thread.join();
        }
        IOException failed = null;
        for (int i = 0; i < n; i++) {
            if (failures[i] != null) {
                if (failed == null) {
                    failed = new IOException("fetching " + uris.get(i) + " failed", failures[i]);
                } else {
                    failed.addSuppressed(failures[i]);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
        return bodies;
    }
}
