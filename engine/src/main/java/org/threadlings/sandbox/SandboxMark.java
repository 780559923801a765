package org.threadlings.sandbox;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mark in the environment of every sandboxed process. Every process it starts inherits the
 * environment, so the mark follows it wherever it goes: a process sent to the background with
 * {@code &}, {@code nohup} or {@code setsid} leaves the process tree, but not the mark. On Linux,
 * {@link ProcFs} finds every process that carries it.
 *
 * @param owner  the runner that started the sandboxed process
 * @param serial which of that runner's sandboxed processes
 */
public record SandboxMark(RunOwner owner, long serial) {

    /** The environment variable that carries the mark. */
    public static final String VARIABLE = "THREADLINGS_SANDBOX";

    private static final Pattern FORMAT = Pattern.compile("(\\d+)-(\\d+)-(\\d+)");
    private static final AtomicLong SERIALS = new AtomicLong();

    /** A fresh mark, owned by this JVM. */
    static SandboxMark next() {
        return new SandboxMark(RunOwner.current(), SERIALS.incrementAndGet());
    }

    /** The mark this JVM was started with, if it runs in a sandbox. */
    public static Optional<SandboxMark> inherited() {
        String value = System.getenv(VARIABLE);
        return value == null ? Optional.empty() : parse(value);
    }

    static Optional<SandboxMark> parse(String value) {
        Matcher m = FORMAT.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SandboxMark(new RunOwner(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))),
                    Long.parseLong(m.group(3))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The value of {@link #VARIABLE}. */
    public String value() {
        return owner.label() + "-" + serial;
    }
}
