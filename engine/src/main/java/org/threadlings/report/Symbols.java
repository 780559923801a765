package org.threadlings.report;

import java.nio.charset.Charset;
import org.threadlings.verdict.CheckStatus;
import org.threadlings.verdict.ExerciseStatus;

/** Status marks, in Unicode where the terminal's encoding can show them and in ASCII elsewhere. */
public record Symbols(String pass, String fail, String inconclusive, String error, String bullet, String arrow) {

    public static final Symbols UNICODE = new Symbols("✓", "✗", "?", "!", "·", "→");
    public static final Symbols ASCII = new Symbols("+", "x", "?", "!", "-", ">");

    /** Unicode when standard output is UTF-8. */
    public static Symbols forStdout() {
        String encoding = System.getProperty("stdout.encoding", Charset.defaultCharset().name());
        return encoding.toUpperCase(java.util.Locale.ROOT).replace("-", "").equals("UTF8") ? UNICODE : ASCII;
    }

    /** Unicode when {@code encoding} can show it. */
    public static Symbols forCharset(Charset encoding) {
        return encoding.newEncoder().canEncode(UNICODE.pass() + UNICODE.bullet() + UNICODE.arrow()) ? UNICODE : ASCII;
    }

    public String of(CheckStatus status) {
        return switch (status) {
            case PASS -> pass;
            case FAIL -> fail;
            case INCONCLUSIVE -> inconclusive;
            case ERROR -> error;
        };
    }

    public String of(ExerciseStatus status) {
        return switch (status) {
            case PASS -> pass;
            case FAIL -> fail;
            case INCONCLUSIVE -> inconclusive;
            case ERROR, TIMEOUT, TAMPERED -> error;
        };
    }
}
