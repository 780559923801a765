package org.threadlings.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Stands in for the grading JVM: waits for one job line, answers with its process id, and exits;
 * exits at once when its input closes without a job.
 */
public final class WaitsForJob {

    private WaitsForJob() {
    }

    public static void main(String[] args) throws IOException {
        String job = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (job != null) {
            System.out.println("pid=" + ProcessHandle.current().pid() + " job=" + job);
        }
    }
}
