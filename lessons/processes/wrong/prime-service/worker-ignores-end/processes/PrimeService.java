package processes;

// Wrong on purpose: the end of the input (readLine() returning null) is taken for a quiet moment, so the worker never exits

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/*
 * Exercise prime-service, the worker side -- answer requests, one line each, over pipes.
 *
 * The parent writes one request per line to this process's standard input: a whole number n.
 * For each request the worker writes one line to its standard output, in the order the requests
 * came:
 *
 *     97         ->  97 is prime
 *     91         ->  91 is not prime
 *     abc        ->  error: not a whole number: abc
 *
 * What to do (main() only):
 *  1. Answer every request at once: the parent waits for each answer before it asks again, so
 *     an answer that stays in a buffer is never read. Flush after every line.
 *  2. A request that is not a whole number from 0 to 2147483647 gets one line starting with
 *     "error" (then carry on with the next request): one bad request must not end the worker.
 *  3. When standard input ends (the parent closed it), return from main: the worker exits with
 *     code 0.
 *
 *   ./run.sh check prime-service     grade it (this file and ServiceClient.java)
 */
public final class PrimeService {

    private PrimeService() {
    }

    public static void main(String[] args) throws IOException {
        BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintWriter answers = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        String line;
        while (true) {
            line = requests.readLine();
            if (line == null) {
                try {
                    Thread.sleep(50); // nothing yet; ask again
                } catch (InterruptedException e) {
                    return;
                }
                continue;
            }
            answers.println(answer(line.strip()));
            answers.flush();
        }
    }

    static String answer(String request) {
        int n;
        try {
            n = Integer.parseInt(request);
        } catch (NumberFormatException e) {
            return "error: not a whole number: " + request;
        }
        if (n < 0) {
            return "error: not a whole number from 0 up: " + request;
        }
        return n + (isPrime(n) ? " is prime" : " is not prime");
    }

    static boolean isPrime(int n) {
        if (n < 2) {
            return false;
        }
        if (n % 2 == 0) {
            return n == 2;
        }
        for (int d = 3; (long) d * d <= n; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }
}
