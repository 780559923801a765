package org.threadlings.checks;

import java.time.Duration;
import java.util.Locale;

/** Numbers as a student reads them in a message: 1,000,000 and 1.62× and 0.84 s. */
public final class Words {

    private Words() {
    }

    /** {@code 1000000} as {@code 1,000,000}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A ratio such as a speed-up: {@code 1.62×}. */
    public static String times(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }

    /** {@code 0.84 s}, or {@code 120 ms} below a second. */
    public static String duration(Duration d) {
        long millis = d.toMillis();
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }

    /** {@code 1 thread}, {@code 3 threads}. */
    public static String plural(long n, String singular, String plural) {
        return count(n) + " " + (n == 1 ? singular : plural);
    }
}
