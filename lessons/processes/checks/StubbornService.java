package processes.checks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A worker that answers like the reference but does not exit when its input ends: it hangs on,
 * as a worker stuck in a loop would. Only a client that kills it after a while gets rid of it.
 */
public final class StubbornService {

    private StubbornService() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String line;
        while ((line = in.readLine()) != null) {
            out.println(ReferenceService.answer(line.strip()));
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
