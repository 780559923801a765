package processes.checks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A correct prime-service worker for checking the student's client. When its input ends it
 * takes 300 ms to close down before it exits with 0, as a real worker that saves its state
 * would: a client that returns from finish() without waiting leaves it running.
 */
public final class ReferenceService {

    static final long CLOSE_DOWN_MILLIS = 300;

    private ReferenceService() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String line;
        while ((line = in.readLine()) != null) {
            out.println(answer(line.strip()));
        }
        Thread.sleep(CLOSE_DOWN_MILLIS);
    }

    static String answer(String request) {
        try {
            int n = Integer.parseInt(request);
            if (n >= 0) {
                return n + (ReferenceWorker.isPrime(n) ? " is prime" : " is not prime");
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        return "error: not a whole number from 0 up: " + request;
    }
}
