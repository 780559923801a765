package org.threadlings.shell;

import java.io.IOException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** The process's own terminal, opened with JLine for the shell. */
final class SystemTerminal {

    /*
     * JNI first: it opens quickest, works alike on every JDK from 21 on (FFM only from 22), runs no
     * stty process per prompt (exec does), and reads with native time-outs, so no thread is left
     * reading ahead when the full-screen view takes the terminal over. FFM and exec are fall-backs.
     */
    private static final String PROVIDERS = "jni,ffm,exec";

    private SystemTerminal() {
    }

    static Terminal open() throws IOException {
        return TerminalBuilder.builder()
                .system(true)
                .name("threadlings")
                .providers(PROVIDERS)
                // Nothing printed here needs grapheme clusters; not probing for them saves a
                // round trip to the terminal at start, and a late answer showing up as typed keys.
                .graphemeCluster(false)
                // A dumb terminal, if no provider works, without JLine's warning about it.
                .dumb(true)
                .build();
    }
}
