package org.threadlings.sandbox;

/** A JVM that does not exit when its input closes: only killing ends it. */
public final class IgnoresInput {

    private IgnoresInput() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
    }
}
