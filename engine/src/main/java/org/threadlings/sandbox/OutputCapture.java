package org.threadlings.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.threadlings.verdict.CapturedOutput;

/**
 * Drains a child's output on its own thread so the child can never block on a full pipe, and
 * keeps only the beginning and the end: a flood of output costs the runner no memory. Past
 * {@code floodLimit} bytes it tells its owner, which stops the child.
 */
final class OutputCapture extends Thread {

    static final int HEAD_BYTES = 24 * 1024;
    static final int TAIL_BYTES = 8 * 1024;

    private final InputStream in;
    private final long floodLimit;
    private final Consumer<byte[]> live;
    private final Runnable onFlood;
    private final byte[] head = new byte[HEAD_BYTES];
    private final byte[] tail = new byte[TAIL_BYTES];
    private int headLength;
    private long total;
    private boolean flooded;

    /**
     * @param live    receives every chunk as it arrives (for streaming to a screen), or null
     * @param onFlood called once when the output passes {@code floodLimit}
     */
    OutputCapture(InputStream in, long floodLimit, Consumer<byte[]> live, Runnable onFlood) {
        super("threadlings-output");
        setDaemon(true);
        this.in = in;
        this.floodLimit = floodLimit;
        this.live = live;
        this.onFlood = onFlood;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                accept(buffer, n);
            }
        } catch (IOException e) {
            // the child is gone; what was read is kept
        }
    }

    private void accept(byte[] buffer, int n) {
        boolean floodNow;
        synchronized (this) {
            for (int i = 0; i < n; i++) {
                if (headLength < HEAD_BYTES) {
                    head[headLength++] = buffer[i];
                } else {
                    tail[(int) ((total - HEAD_BYTES) % TAIL_BYTES)] = buffer[i];
                }
                total++;
            }
            floodNow = !flooded && total > floodLimit;
            flooded |= floodNow;
        }
        if (live != null && !flooded) {
            byte[] chunk = new byte[n];
            System.arraycopy(buffer, 0, chunk, 0, n);
            live.accept(chunk);
        }
        if (floodNow) {
            onFlood.run();
        }
    }

    synchronized boolean flooded() {
        return flooded;
    }

    /** Waits briefly for the pipe to drain, then returns what was kept from byte {@code from} on. */
    CapturedOutput result(long from) {
        try {
            join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return since(from);
    }

    /** How many bytes have come so far. */
    synchronized long total() {
        return total;
    }

    /**
     * What was kept from byte {@code from} on, without waiting: the output of one job of a JVM
     * that runs several. {@code from} must lie within the kept beginning.
     */
    synchronized CapturedOutput since(long from) {
        int skip = (int) Math.min(from, headLength);
        String start = new String(head, skip, headLength - skip, StandardCharsets.UTF_8);
        if (total <= HEAD_BYTES) {
            return new CapturedOutput(start, total - skip, false);
        }
        long tailLength = Math.min(TAIL_BYTES, total - HEAD_BYTES);
        byte[] end = new byte[(int) tailLength];
        long tailStart = total - tailLength;
        for (int i = 0; i < tailLength; i++) {
            end[i] = tail[(int) ((tailStart + i - HEAD_BYTES) % TAIL_BYTES)];
        }
        boolean truncated = total > HEAD_BYTES + TAIL_BYTES;
        String joined = truncated
                ? start + "\n[... " + (total - HEAD_BYTES - tailLength) + " bytes not shown ...]\n"
                + new String(end, StandardCharsets.UTF_8)
                : start + new String(end, StandardCharsets.UTF_8);
        return new CapturedOutput(joined, total - skip, truncated);
    }
}
