package org.threadlings.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A program that keeps a JVM on standby and exits without closing the pool: prints the waiting
 * JVM's process id, then ends. The shutdown hook must take the JVM with it.
 */
public final class AbandonsStandby {

    private AbandonsStandby() {
    }

    public static void main(String[] args) throws InterruptedException {
        StandbyJvms standby = new StandbyJvms(JvmLauncher.forThisJvm(), IgnoresInput.class.getName());
        standby.prepare(List.of());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Optional<Long> pid = standby.waitingPid();
        while (pid.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            pid = standby.waitingPid();
        }
        System.out.println(pid.map(String::valueOf).orElse("none"));
        System.out.flush();
        System.exit(0);
    }
}
