package org.threadlings.tui;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.threadlings.course.Example;
import org.threadlings.examples.ExampleRunner;

/**
 * One run of an example program, its output arriving line by line. The run happens on its own
 * thread; output and the end are posted to the UI thread, which alone reads the lines.
 */
final class ExampleRun {

    static final int MAX_LINES = 5000;

    private final Example example;
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final StringBuilder partial = new StringBuilder();
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final AtomicBoolean stop = new AtomicBoolean();
    private ByteBuffer pending = ByteBuffer.allocate(0);
    private ExampleRunner.Result result;
    private long startedNanos;
    private int dropped;

    ExampleRun(Example example) {
        this.example = example;
    }

    Example example() {
        return example;
    }

    void start(Coursework work, App app) {
        startedNanos = System.nanoTime();
        Thread.ofPlatform().daemon(true).name("threadlings-example").start(() -> {
            ExampleRunner.Result finished = work.runExample(example, bytes -> app.post(() -> accept(bytes)), stop);
            app.post(() -> {
                flushPartial();
                result = finished;
            });
        });
    }

    void stop() {
        stop.set(true);
    }

    boolean running() {
        return result == null;
    }

    ExampleRunner.Result result() {
        return result;
    }

    double seconds() {
        return result != null ? result.elapsed().toMillis() / 1000.0 : (System.nanoTime() - startedNanos) / 1e9;
    }

    /** The output so far, with a line not yet ended by a newline last. */
    List<String> lines() {
        List<String> all = new ArrayList<>(lines);
        if (!partial.isEmpty()) {
            all.add(partial.toString());
        }
        return all;
    }

    int dropped() {
        return dropped;
    }

    private void accept(byte[] bytes) {
        ByteBuffer input = ByteBuffer.allocate(pending.remaining() + bytes.length);
        input.put(pending).put(bytes).flip();
        CharBuffer chars = CharBuffer.allocate(input.remaining() + 1);
        decoder.decode(input, chars, false);
        pending = input.slice(); // a character cut in two waits for its other half
        chars.flip();
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (c == '\n') {
                add(partial.toString());
                partial.setLength(0);
            } else if (c != '\r') {
                partial.append(c == '\t' ? "    " : String.valueOf(c));
            }
        }
    }

    private void flushPartial() {
        if (!partial.isEmpty()) {
            add(partial.toString());
            partial.setLength(0);
        }
    }

    private void add(String line) {
        lines.add(line);
        if (lines.size() > MAX_LINES) {
            lines.removeFirst();
            dropped++;
        }
    }
}
